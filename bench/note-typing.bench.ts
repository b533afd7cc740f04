import path from 'node:path';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { browserBenchmarksAvailable, openInBrowser } from './browser-session';
import { call } from './call';
import { Prose } from './generate-prose';
import { noteBody } from './lexical-json';
import { longNote } from './long-note';
import { Picker, seededRandom } from './seeded-random';
import { percentile } from './stats';

const WORDS = 20_000;
const KEYSTROKES = 120;
const TYPED = 'The convoy left Gao at dawn and reached the river crossing before the checkpoint opened. ';

/**
 * In Chromium, a 20,000-word note open in the editor: from each keystroke to the end of the next
 * painted frame (a message posted from requestAnimationFrame arrives after the frame is drawn).
 */
export const noteTypingBenchmark: Benchmark = {
  name: 'note-typing',
  async run({ workDir, log, built }) {
    const row = rowMaker('note-typing');
    const missing = browserBenchmarksAvailable();
    if (missing) {
      log(`  skipped: ${missing}`);
      return [];
    }
    const libraryDir = path.join(workDir, 'note-typing');
    const building = performance.now();
    const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    const { blocks, words } = longNote(new Prose(new Picker(seededRandom(0x7e9e))), WORDS, { links: [], mentions: [], quotes: [] });
    const note = call(library, 'notes.create', { title: 'A long working note' });
    call(library, 'notes.save', { id: note.id, title: note.title, body: noteBody(blocks) });
    library.close();
    built(`a ${n(words)}-word note`, performance.now() - building);

    // Frames are drawn as soon as they are ready, not on a 60 Hz beat: at 60 Hz every keystroke
    // also waits up to 16.7 ms for the display's next refresh, whatever the app does, so p95
    // would measure the clock rather than the editor (19 ms here with the beat, 1.6 ms of it the app).
    const session = await openInBrowser(libraryDir, ['--disable-frame-rate-limit', '--disable-gpu-vsync']);
    try {
      const { page } = session;
      await page.goto(new URL(`#/note/${note.id}`, page.url()).toString());
      const body = page.getByRole('main', { name: 'Note' }).getByRole('textbox', { name: 'Note body' });
      await body.waitFor();
      await body.click();
      await page.keyboard.press('Control+End');
      // A string, not a function: tsx would wrap a function's inner helpers in code the page lacks.
      await page.evaluate(`(() => {
        window.__keystrokeToFrame = [];
        window.__keystrokeWork = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.name === 'keydown') window.__keystrokeWork.push(entry.processingEnd - entry.startTime);
        }).observe({ type: 'event', durationThreshold: 0, buffered: false });
        document.addEventListener('keydown', () => {
          const pressed = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => window.__keystrokeToFrame.push(performance.now() - pressed);
            channel.port2.postMessage(null);
          });
        }, true);
      })()`);
      const text = TYPED.repeat(Math.ceil(KEYSTROKES / TYPED.length)).slice(0, KEYSTROKES);
      await page.keyboard.type(text, { delay: 40 });
      await page.waitForTimeout(200);
      const latencies = (await page.evaluate('window.__keystrokeToFrame')) as number[];
      const work = (await page.evaluate('window.__keystrokeWork')) as number[];
      if (latencies.length < KEYSTROKES * 0.9) throw new Error(`only ${latencies.length} keystrokes were measured`);
      await page.getByRole('main', { name: 'Note' }).getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
      log(`  ${latencies.length} keystrokes typed at the end of the note`);
      return [
        row(`keystroke to next painted frame (no refresh wait), ${n(words)}-word note, p50 of ${latencies.length}`, percentile(latencies, 50), 'ms', 16),
        row(`keystroke to next painted frame (no refresh wait), ${n(words)}-word note, p95 of ${latencies.length}`, percentile(latencies, 95), 'ms', 16),
        // The frame part is waiting for the display's next refresh (up to 16.7 ms at 60 Hz); this is the app's part.
        row(`  keystroke handling until the page can paint (Event Timing), p95 of ${work.length}`, percentile(work, 95), 'ms'),
      ];
    } finally {
      await session.close();
    }
  },
};
