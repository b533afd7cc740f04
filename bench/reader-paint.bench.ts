import path from 'node:path';
import { HIGHLIGHT_COLOURS } from '../main/api';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { call, upload } from './call';
import { blocksToMarkdown, Prose } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { percentile } from './stats';
import { randomWordRange } from './word-ranges';

const WORDS = 50_000;
const HIGHLIGHTS = 2_000;
const OPENS = 5;
const TITLE = 'Field report for the reader';

/**
 * In Chromium, from the document's content being in the page to all its highlights painted, read
 * from the marks the reader sets (fieldbook:document-rendered, fieldbook:highlights-painted).
 */
export const readerPaintBenchmark: Benchmark = {
  name: 'reader-paint',
  async run({ workDir, log, built }) {
    const row = rowMaker('reader-paint');
    const missing = browserBenchmarksAvailable();
    if (missing) {
      log(`  skipped: ${missing}`);
      return [];
    }
    const libraryDir = path.join(workDir, 'reader-paint');
    const building = performance.now();
    const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    const pick = new Picker(seededRandom(0x9a17));
    const imported = call(library, 'documents.import', { files: [upload('report.md', blocksToMarkdown(TITLE, new Prose(pick).blocks(WORDS).blocks))] })[0]!;
    if (imported.status !== 'imported') throw new Error('the report was not imported');
    const documentId = imported.document.id;
    const { text } = call(library, 'documents.get', { id: documentId });
    for (let i = 0; i < HIGHLIGHTS; i++) {
      call(library, 'highlights.create', { documentId, ...randomWordRange(pick, text), colour: pick.pick(HIGHLIGHT_COLOURS) });
    }
    library.close();
    built(`a ${n(WORDS)}-word document with ${n(HIGHLIGHTS)} highlights`, performance.now() - building);

    const session = await openInBrowser(libraryDir);
    try {
      const paintMs: number[] = [];
      const openMs: number[] = [];
      for (let open = 0; open < OPENS; open++) {
        await session.page.goto(new URL(`#/document/${documentId}`, session.page.url()).toString());
        await session.page.reload();
        await session.page.getByRole('complementary', { name: 'Highlights' }).getByRole('heading', { name: `Highlights (${HIGHLIGHTS})` }).waitFor();
        // A string, not a function: tsx would wrap a function's inner helpers in code the page lacks.
        // The reader marks each paint, and paints only once the highlights are in; the first paint
        // after the document's content is the one a reader waits for (later ones are repaints).
        const marks = (await session.page.evaluate(`(() => {
          const rendered = performance.getEntriesByName('fieldbook:document-rendered')[0]?.startTime ?? NaN;
          const painted = performance.getEntriesByName('fieldbook:highlights-painted').find((mark) => mark.startTime >= rendered);
          return { rendered, painted: painted?.startTime ?? NaN, navigation: 0 };
        })()`)) as { rendered: number; painted: number; navigation: number };
        if (!Number.isFinite(marks.rendered) || !Number.isFinite(marks.painted)) throw new Error('the reader set no paint marks');
        paintMs.push(marks.painted - marks.rendered);
        log(`  open ${open + 1}: rendered at ${marks.rendered.toFixed(0)} ms, painted at ${marks.painted.toFixed(0)} ms`);
        openMs.push(marks.painted - marks.navigation);
      }
      log(`  ${OPENS} opens of the document in Chromium`);
      return [
        row(`content in the page to ${n(HIGHLIGHTS)} highlights painted, p50 of ${OPENS}`, percentile(paintMs, 50), 'ms', 300),
        row(`content in the page to ${n(HIGHLIGHTS)} highlights painted, slowest of ${OPENS}`, Math.max(...paintMs), 'ms', 300),
        row(`  page load to highlights painted, p50 of ${OPENS}`, percentile(openMs, 50), 'ms'),
      ];
    } finally {
      await session.close();
    }
  },
};
