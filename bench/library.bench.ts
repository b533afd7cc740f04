import fs from 'node:fs';
import path from 'node:path';
import type { DocumentSummary } from '../main/common/records';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import type { Benchmark, BenchRow } from './benchmark';
import { call } from './call';
import { generateBlogPage } from './generate-blog-page';
import { Picker, seededRandom } from './seeded-random';
import { mean, percentile, timed } from './stats';

const LIST_RUNS = 50;
const OPEN_RUNS = 200;

export const libraryBenchmark: Benchmark = {
  name: 'library',
  run({ articles, workDir, log }) {
    const file = path.join(workDir, 'library', 'library.sqlite');
    const library = openLibrary(file, { resourcesDir: packageResourcesDir() });
    try {
      const pick = new Picker(seededRandom(0xf1e1d));
      const importMs: number[] = [];
      let pageBytes = 0;
      let bodyWords = 0;
      for (let i = 1; i <= articles; i++) {
        // Generated outside the clock: only the import is being measured.
        const page = generateBlogPage(i, pick);
        const bytes = Buffer.from(page.html);
        pageBytes += bytes.byteLength;
        bodyWords += page.bodyWords;
        const input = { files: [{ name: page.fileName, base64: bytes.toString('base64') }] };
        const { ms, result } = timed(() => call(library, 'documents.import', input));
        if (result[0]?.status !== 'imported') throw new Error(`${page.fileName} was not imported: ${JSON.stringify(result[0])}`);
        importMs.push(ms);
        if (i % 100 === 0) log(`  imported ${i}/${articles} (mean so far ${mean(importMs).toFixed(1)} ms)`);
      }

      const listMs: number[] = [];
      let documents: DocumentSummary[] = [];
      for (let run = 0; run < LIST_RUNS; run++) {
        const { ms, result } = timed(() => call(library, 'documents.list', {}));
        listMs.push(ms);
        documents = result;
      }
      if (documents.length !== articles + 1) throw new Error(`list returned ${documents.length} documents, expected ${articles + 1}`);

      const openMs: number[] = [];
      const ids = documents.map((d) => d.id);
      let openedWords = 0;
      for (let run = 0; run < OPEN_RUNS; run++) {
        const id = pick.pick(ids);
        const { ms, result } = timed(() => call(library, 'documents.get', { id }));
        openMs.push(ms);
        openedWords += result.wordCount;
      }

      // Size on disk as a user would see it once the app has closed: everything folded into the main file.
      library.db.pragma('wal_checkpoint(TRUNCATE)');
      const walFile = `${file}-wal`;
      const diskBytes = fs.statSync(file).size + (fs.existsSync(walFile) ? fs.statSync(walFile).size : 0);

      const n = articles.toLocaleString('en-GB');
      const count = documents.length.toLocaleString('en-GB');
      log(
        `  pages averaged ${Math.round(pageBytes / articles / 1024)} KB of HTML and ${Math.round(bodyWords / articles)} body words;` +
          ` opened documents averaged ${Math.round(openedWords / OPEN_RUNS)} words`,
      );
      const row = (measure: string, value: number, unit: BenchRow['unit'], max?: number): BenchRow => ({
        benchmark: 'library',
        measure,
        value,
        unit,
        ...(max === undefined ? {} : { target: { max } }),
      });
      return [
        row(`import, mean of ${n} articles`, mean(importMs), 'ms', 20),
        row(`import, p50 of ${n} articles`, percentile(importMs, 50), 'ms', 20),
        row(`import, p95 of ${n} articles`, percentile(importMs, 95), 'ms', 20),
        row(`list ${count} documents, p50 of ${LIST_RUNS}`, percentile(listMs, 50), 'ms', 20),
        row(`list ${count} documents, p95 of ${LIST_RUNS}`, percentile(listMs, 95), 'ms', 20),
        row(`open, p50 of ${OPEN_RUNS} random ids`, percentile(openMs, 50), 'ms', 10),
        row(`open, p95 of ${OPEN_RUNS} random ids`, percentile(openMs, 95), 'ms', 10),
        row('database size on disk', diskBytes / (1024 * 1024), 'MB'),
        row('database size per article', diskBytes / 1024 / documents.length, 'KB'),
      ];
    } finally {
      library.close();
    }
  },
};
