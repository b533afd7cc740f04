import path from 'node:path';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { buildLargeLibrary } from './build-large-library';
import { call } from './call';
import { percentile, timed } from './stats';

const DOCUMENTS = 1_000;
const HIGHLIGHTS = 50_000;
const NOTES = 5_000;
const EXPORT_RUNS = 3;

export const exportBenchmark: Benchmark = {
  name: 'export',
  run({ workDir, log, built }) {
    const row = rowMaker('export');
    const resources = { resourcesDir: packageResourcesDir() };
    const library = openLibrary(path.join(workDir, 'library', 'library.sqlite'), resources);
    let archive: string;
    const exportMs: number[] = [];
    try {
      const large = buildLargeLibrary(library, {
        seed: 0xe4,
        documents: DOCUMENTS,
        wordsPerDocument: 2_000,
        highlights: HIGHLIGHTS,
        notes: NOTES,
        actors: 500,
        aliasesPerActor: 3,
        maxTagsPerHighlight: 2,
      });
      built(
        `${n(DOCUMENTS)} documents (${n(large.words)} words), ${n(large.highlightCount)} highlights with ${n(large.tagCount)} tags, ` +
          `${n(NOTES)} notes with ${n(large.linkCount)} links, 500 actors by direct SQL`,
        large.ms,
      );
      let content = '';
      for (let run = 0; run < EXPORT_RUNS; run++) {
        const { ms, result } = timed(() => call(library, 'export.archive', {}));
        exportMs.push(ms);
        content = result.content;
      }
      archive = content;
    } finally {
      library.close();
    }

    // A new library (as the app creates one, with its bundled article) that the archive fills.
    const restored = openLibrary(path.join(workDir, 'restored', 'library.sqlite'), resources);
    try {
      const { ms: restoreMs, result: report } = timed(() => call(restored, 'library.restoreArchive', { json: archive }));
      if ('filesNeeded' in report) throw new Error(`the archive carries its files, yet the restore asked for ${report.filesNeeded.length}`);
      const { added } = report;
      if (added.documents < DOCUMENTS || added.highlights !== HIGHLIGHTS || added.notes !== NOTES || report.conflicts.length > 0) {
        throw new Error(`the restore did not bring everything back: ${JSON.stringify({ added, conflicts: report.conflicts.length })}`);
      }
      log(`  restored ${n(added.documents)} documents, ${n(added.highlights)} highlights, ${n(added.actors)} actors, ${n(added.notes)} notes, ${n(added.links)} links`);
      return [
        row(`export.archive, p50 of ${EXPORT_RUNS}`, percentile(exportMs, 50) / 1000, 's', 5),
        row('library.restoreArchive into a new library', restoreMs / 1000, 's', 10),
        row('archive size', Buffer.byteLength(archive) / (1024 * 1024), 'MB'),
      ];
    } finally {
      restored.close();
    }
  },
};
