import path from 'node:path';
import type { Page } from '@playwright/test';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark, type BenchRow } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { buildLargeLibrary } from './build-large-library';
import { percentile } from './stats';

const DOCUMENTS = 10_000;
const OPENS = 5;
const SCROLL_STEPS = 60;

/**
 * In Chromium, a library of 10,000 documents: how long the Library view takes to show its first
 * rows after a page load, and how smoothly its list scrolls and moves with the keyboard. The page
 * records when the list's first row appears (an observer installed before the app's own code), so
 * nothing in the app exists for the benchmark's sake.
 */
export const libraryViewBenchmark: Benchmark = {
  name: 'library-view',
  async run({ workDir, log, built }) {
    const row = rowMaker('library-view');
    const missing = browserBenchmarksAvailable();
    if (missing) {
      log(`  skipped: ${missing}`);
      return [];
    }
    const libraryDir = path.join(workDir, 'library-view');
    const building = performance.now();
    const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    buildLargeLibrary(library, { seed: 0x11b, documents: DOCUMENTS, wordsPerDocument: 40, highlights: 0, notes: 0, actors: 0, aliasesPerActor: 0, maxTagsPerHighlight: 0 });
    library.close();
    built(`a library of ${n(DOCUMENTS)} documents`, performance.now() - building);

    const session = await openInBrowser(libraryDir);
    try {
      const page = session.page;
      await page.addInitScript(`(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('ul[aria-label="Documents"] > li')) {
            performance.mark('bench:first-row');
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      })()`);
      const firstRows: number[] = [];
      for (let open = 0; open < OPENS; open++) {
        await page.reload();
        firstRows.push(await markTime(page, 'bench:first-row'));
      }
      log(`  first rows shown at ${firstRows.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      const mounted = await page.locator('ul[aria-label="Documents"] > li').count();
      const frames = await scrollFrames(page);
      const endKey = await keyToFocus(page);
      log(`  ${mounted} rows mounted of ${n(DOCUMENTS + 1)}; scroll frames p95 ${percentile(frames, 95).toFixed(1)} ms; End to the last row focused ${endKey.toFixed(0)} ms`);
      const rows: BenchRow[] = [
        row(`${n(DOCUMENTS)} documents: page load to the Library's first rows, p50 of ${OPENS}`, percentile(firstRows, 50), 'ms', 1_000),
        row(`${n(DOCUMENTS)} documents: page load to the Library's first rows, slowest of ${OPENS}`, Math.max(...firstRows), 'ms', 1_500),
        row(`scrolling the list top to bottom in ${SCROLL_STEPS} steps: frame, p95`, percentile(frames, 95), 'ms', 50),
        row('End on the list: key to the last row focused', endKey, 'ms', 100),
        row('  rows mounted at once', mounted, 'count'),
      ];
      return rows;
    } finally {
      await session.close();
    }
  },
};

/** When the page set the mark `name`, counted from its navigation's start; waits up to 30 s for it. */
export async function markTime(page: Page, name: string): Promise<number> {
  const giveUp = performance.now() + 30_000;
  while (performance.now() < giveUp) {
    const at = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? null`)) as number | null;
    if (at !== null) return at;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the page never set ${name}`);
}

/** Each step scrolls the list a screenful and waits two frames: the time from the scroll to the frame after the rows are in. */
async function scrollFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`(async () => {
    const scroller = document.querySelector('.roving-scroller');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const times = [];
    const step = (scroller.scrollHeight - scroller.clientHeight) / ${SCROLL_STEPS};
    for (let i = 1; i <= ${SCROLL_STEPS}; i++) {
      const start = performance.now();
      scroller.scrollTop = step * i;
      await frame();
      await frame();
      times.push(performance.now() - start);
    }
    return times;
  })()`)) as number[];
}

async function keyToFocus(page: Page): Promise<number> {
  const list = page.getByRole('list', { name: 'Documents' });
  await list.getByRole('button').first().focus();
  await page.evaluate(`window.__bench_start = performance.now()`);
  await page.keyboard.press('End');
  await page.waitForFunction(`document.activeElement?.closest('li')?.getAttribute('aria-posinset') === document.activeElement?.closest('li')?.getAttribute('aria-setsize')`);
  return (await page.evaluate(`performance.now() - window.__bench_start`)) as number;
}
