import path from 'node:path';
import type { Page } from '@playwright/test';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { call, upload } from './call';
import { blocksToMarkdown, Prose } from './generate-prose';
import { markTime } from './library-view.bench';
import { ACTORS, generateNetwork } from './network.bench';
import { Picker, seededRandom } from './seeded-random';
import { percentile } from './stats';
import { wordRangeAt } from './word-ranges';

const OPENS = 5;
const DRAWN = 'bench:network-drawn';

/**
 * In Chromium, the Network view of a library whose passages tie 500 actors by 5,000 links (the
 * network the layout benchmark lays out, made of real tagged passages): from asking for the view
 * to the network drawn, which takes the query, the layout in its worker, the Actor links table and
 * the canvas. The page marks the frame after the drawing's label names every actor (an observer
 * installed before the app's code), so nothing in the app exists for the benchmark's sake.
 */
export const networkViewBenchmark: Benchmark = {
  name: 'network-view',
  async run({ workDir, log, built }) {
    const row = rowMaker('network-view');
    const missing = browserBenchmarksAvailable();
    if (missing) {
      log(`  skipped: ${missing}`);
      return [];
    }
    const libraryDir = path.join(workDir, 'network-view');
    const building = performance.now();
    const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    const pick = new Picker(seededRandom(0x6e8));
    const network = generateNetwork(new Picker(seededRandom(0x6e7)));
    const actorIds = network.nodes.map((node) => call(library, 'actors.create', { name: node.name, kind: node.kind }).id);
    const markdown = blocksToMarkdown('Case file', new Prose(pick).blocks(network.links.length * 12).blocks);
    const imported = call(library, 'documents.import', { files: [upload('case-file.md', markdown)] })[0]!;
    if (imported.status !== 'imported') throw new Error('the case file was not imported');
    const documentId = imported.document.id;
    const { text } = call(library, 'documents.get', { id: documentId });
    // One passage per link, tagged with its two actors, spread through the file.
    const stride = Math.floor(text.length / network.links.length);
    network.links.forEach((link, i) => {
      const highlight = call(library, 'highlights.create', { documentId, ...wordRangeAt(text, i * stride, 6), colour: 'yellow' });
      call(library, 'highlights.tag', { highlightId: highlight.id, actorId: actorIds[link.source - 1]! });
      call(library, 'highlights.tag', { highlightId: highlight.id, actorId: actorIds[link.target - 1]! });
    });
    library.close();
    built(`${n(ACTORS)} actors tied by ${n(network.links.length)} tagged passages`, performance.now() - building);

    const session = await openInBrowser(libraryDir);
    try {
      const page = session.page;
      await page.addInitScript(`(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('canvas[aria-label^="The actor network drawn: ${ACTORS} actors"]')) {
            observer.disconnect();
            // The canvas is painted by an effect after the render that labels it: two frames on, it is on screen.
            requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('${DRAWN}')));
          }
        }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
      })()`);
      const loads: number[] = [];
      const visits: number[] = [];
      for (let open = 0; open < OPENS; open++) {
        await page.goto(new URL('#/network', page.url()).toString());
        await page.reload();
        loads.push(await markTime(page, DRAWN));
        visits.push(await visitFromLibrary(page));
      }
      log(`  page load to drawn: ${loads.map((ms) => ms.toFixed(0)).join(', ')} ms; from the Library to drawn: ${visits.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      return [
        row(`${ACTORS} actors, ${n(network.links.length)} links: page load to the network drawn, p50 of ${OPENS}`, percentile(loads, 50), 'ms', 3_000),
        row(`${ACTORS} actors, ${n(network.links.length)} links: the Network link clicked to the network drawn, p50 of ${OPENS}`, percentile(visits, 50), 'ms', 2_000),
        row(`  the same, slowest of ${OPENS}`, Math.max(...visits), 'ms'),
      ];
    } finally {
      await session.close();
    }
  },
};

/** From the Library (the app's first view), the sidebar's Network link clicked to the network drawn, in ms. */
async function visitFromLibrary(page: Page): Promise<number> {
  await page.goto(new URL('#/', page.url()).toString());
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).waitFor();
  const clicked = (await page.evaluate('performance.now()')) as number;
  await page.getByRole('link', { name: 'Network', exact: true }).click();
  return (await markTime(page, DRAWN)) - clicked;
}
