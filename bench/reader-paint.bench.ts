import path from 'node:path';
import type { Page } from '@playwright/test';
import { HIGHLIGHT_COLOURS } from '../main/common/records';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark, type BenchRow } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { call, upload } from './call';
import { blocksToMarkdown, Prose } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { percentile } from './stats';
import { randomWordRange } from './word-ranges';

const ARTICLE_WORDS = 50_000;
const BOOK_WORDS = 400_000;
const HIGHLIGHTS = 2_000;
const OPENS = 5;

/** Page load (navigation start) to the first screen of the document painted with its highlights, each open's figures. */
interface Open {
  /** Navigation start to the first frame showing the document's first screen with its highlights. */
  firstScreen: number;
  /** The document's content in the page to its highlights painted. */
  contentToPainted: number;
  /** Navigation start to the whole document on the page (filled in while the page is idle). */
  complete: number;
}

/**
 * In Chromium, how long a long document takes to open, read from the marks the reader sets:
 * fieldbook:document-rendered (its first screen is in the page), fieldbook:highlights-painted
 * (highlights painted on what is there) and fieldbook:first-screen-shown (after the frame that
 * shows them). Each open is a fresh page load, as when the app starts on the document.
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
    const addDocument = (name: string, words: number, highlights: number): number => {
      const markdown = blocksToMarkdown(`Field report of ${n(words)} words`, new Prose(pick).blocks(words).blocks);
      const imported = call(library, 'documents.import', { files: [upload(name, markdown)] })[0]!;
      if (imported.status !== 'imported') throw new Error(`${name} was not imported`);
      const documentId = imported.document.id;
      const { text } = call(library, 'documents.get', { id: documentId });
      for (let i = 0; i < highlights; i++) {
        call(library, 'highlights.create', { documentId, ...randomWordRange(pick, text), colour: pick.pick(HIGHLIGHT_COLOURS) });
      }
      return documentId;
    };
    const article = addDocument('report.md', ARTICLE_WORDS, HIGHLIGHTS);
    const book = addDocument('book.md', BOOK_WORDS, HIGHLIGHTS);
    library.close();
    built(`a ${n(ARTICLE_WORDS)}-word and a ${n(BOOK_WORDS)}-word document with ${n(HIGHLIGHTS)} highlights each`, performance.now() - building);

    const session = await openInBrowser(libraryDir);
    try {
      const rows: BenchRow[] = [];
      for (const [label, documentId, target] of [
        [`${n(ARTICLE_WORDS)} words`, article, 300],
        [`${n(BOOK_WORDS)} words`, book, 1_000],
      ] as const) {
        // As when the host starts on a new port (a new origin): none of the app's files in the browser's
        // HTTP cache. The renderer process, and V8's compilations in it, stay: this is not a browser's first start.
        const cold = await openDocument(session.page, documentId, { emptyCache: true });
        log(`  ${label}, with an empty cache: first screen shown at ${cold.firstScreen.toFixed(0)} ms, content to painted ${cold.contentToPainted.toFixed(0)} ms`);
        const opens: Open[] = [];
        for (let open = 0; open < OPENS; open++) {
          const figures = await openDocument(session.page, documentId);
          log(
            `  ${label}, open ${open + 1}: first screen shown at ${figures.firstScreen.toFixed(0)} ms, content to painted ${figures.contentToPainted.toFixed(0)} ms, ` +
              `whole document on the page at ${figures.complete.toFixed(0)} ms`,
          );
          opens.push(figures);
        }
        const firstScreen = opens.map((o) => o.firstScreen);
        const painted = opens.map((o) => o.contentToPainted);
        rows.push(
          row(`${label}, ${n(HIGHLIGHTS)} highlights: page load to first screen painted, p50 of ${OPENS}`, percentile(firstScreen, 50), 'ms', target),
          row(`${label}, ${n(HIGHLIGHTS)} highlights: page load to first screen painted, slowest of ${OPENS}`, Math.max(...firstScreen), 'ms', target),
          row(`${label}, ${n(HIGHLIGHTS)} highlights: page load to first screen painted, the browser's cache emptied first`, cold.firstScreen, 'ms', target),
          row(`${label}: content in the page to highlights painted, p50 of ${OPENS}`, percentile(painted, 50), 'ms', 300),
          row(`${label}: content in the page to highlights painted, slowest of ${OPENS}`, Math.max(...painted), 'ms', 300),
          row(`  ${label}: page load to the whole document on the page (while idle), p50 of ${OPENS}`, percentile(opens.map((o) => o.complete), 50), 'ms'),
        );
      }
      log(`  ${OPENS} opens of each document in Chromium, each a fresh page load, after one with the browser's cache emptied`);
      return rows;
    } finally {
      await session.close();
    }
  },
};

async function openDocument(page: Page, documentId: number, { emptyCache = false } = {}): Promise<Open> {
  const address = new URL(`#/document/${documentId}`, page.url()).toString();
  if (page.url() !== address) {
    // Coming from another view, the hash change alone renders the document in the old page: let
    // that finish first, or the reload below would be timed while the old page still works. The
    // marks of what that page showed before are cleared, so the wait is for this document's.
    await page.evaluate('performance.clearMarks()');
    await page.goto(address);
    await readerMarks(page);
  }
  if (emptyCache) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.clearBrowserCache');
    await devtools.detach();
  }
  await page.reload();
  const marks = await readerMarks(page);
  // Checked once it is shown, not polled while it opens: a role query walks the whole page, on
  // the same thread as the open it would be timing.
  await page.getByRole('complementary', { name: 'Highlights' }).getByRole('heading', { name: `Highlights (${HIGHLIGHTS})` }).waitFor();
  // Marks count from the navigation's start: the page load.
  return { firstScreen: marks.shown, contentToPainted: marks.painted - marks.rendered, complete: marks.complete };
}

interface ReaderMarks {
  rendered: number;
  painted: number;
  shown: number;
  complete: number;
}

/** The marks the reader set in this page load, polled until all are there. */
async function readerMarks(page: Page): Promise<ReaderMarks> {
  const giveUp = performance.now() + 30_000;
  while (performance.now() < giveUp) {
    // A string, not a function: tsx would wrap a function's inner helpers in code the page lacks.
    const marks = (await page.evaluate(`(() => {
      const rendered = performance.getEntriesByName('fieldbook:document-rendered')[0]?.startTime ?? NaN;
      const painted = performance.getEntriesByName('fieldbook:highlights-painted').find((mark) => mark.startTime >= rendered)?.startTime ?? NaN;
      const shown = performance.getEntriesByName('fieldbook:first-screen-shown')[0]?.startTime ?? NaN;
      const complete = performance.getEntriesByName('fieldbook:document-complete')[0]?.startTime ?? NaN;
      return { rendered, painted, shown, complete };
    })()`)) as ReaderMarks;
    // The last mark is set after the frame that shows the first screen.
    if ([marks.rendered, marks.painted, marks.shown, marks.complete].every(Number.isFinite)) return marks;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the reader set no paint marks');
}
