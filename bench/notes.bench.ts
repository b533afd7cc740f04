import path from 'node:path';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { buildLargeLibrary } from './build-large-library';
import { call } from './call';
import { Prose } from './generate-prose';
import { actorMention, highlightQuote, noteBody, noteLink, paragraph, text } from './lexical-json';
import { longNote } from './long-note';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';

const WORDS = 20_000;
const NOTE_LINKS = 200;
const MENTIONS = 100;
const QUOTES = 50;
const SAVES = 50;

export const notesBenchmark: Benchmark = {
  name: 'notes',
  run({ workDir, log, built }) {
    const library = openLibrary(path.join(workDir, 'library', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    try {
      const row = rowMaker('notes');
      const building = performance.now();
      // What the note points at: 200 other notes, 100 actors, 50 highlights to quote.
      buildLargeLibrary(library, {
        seed: 0x2073,
        documents: 20,
        wordsPerDocument: 1_000,
        highlights: QUOTES,
        notes: NOTE_LINKS,
        actors: MENTIONS,
        aliasesPerActor: 1,
        maxTagsPerHighlight: 1,
      });
      const actors = call(library, 'actors.list', {});
      const notes = call(library, 'notes.list', {});
      const quotes = library.db
        .prepare('SELECT h.uid AS highlightUid, d.uid AS documentUid, d.title AS documentTitle, h.quote_exact AS quote FROM highlights h JOIN documents d ON d.id = h.document_id')
        .all() as Array<{ highlightUid: string; documentUid: string; documentTitle: string; quote: string }>;
      const pick = new Picker(seededRandom(0x2074));
      const { blocks, words, marks } = longNote(new Prose(pick), WORDS, {
        links: notes.map((note) => noteLink(note.uid, note.title)),
        mentions: actors.map((actor) => actorMention(actor.uid, actor.name)),
        quotes: quotes.map(highlightQuote),
      });
      const note = call(library, 'notes.create', { title: 'Working notes on the northern frontier' });
      const bodyBytes = JSON.stringify(noteBody(blocks)).length;
      built(`the ${n(words)}-word note's targets by direct SQL and its Lexical JSON (${Math.round(bodyBytes / 1024)} KB)`, performance.now() - building);
      log(`  ${n(words)} words in ${blocks.length} blocks with ${marks.links} note links, ${marks.mentions} actor mentions and ${marks.quotes} quoted highlights`);

      // The note as the session finds it: its 20,000 words and 350 links stored once, a different
      // operation from an autosave (every link inserted, every word indexed into an empty row), so it
      // is a row of its own. Then the setup's writes are checkpointed out of the WAL, so that no
      // timed save pays for copying the library that was built for it.
      const firstSaveMs = timed(() => call(library, 'notes.save', { id: note.id, title: note.title, body: noteBody(blocks) })).ms;
      library.db.pragma('wal_checkpoint(TRUNCATE)');

      // Autosave: the same long note saved again and again, a few words different each time.
      const saveMs: number[] = [];
      const cpuMs: number[] = [];
      for (let save = 0; save < SAVES; save++) {
        const edited = [...blocks, paragraph([text(`Revision ${save + 1}: ${new Prose(pick).sentence().text}`)])];
        const input = { id: note.id, title: note.title, body: noteBody(edited) };
        const cpuBefore = process.cpuUsage();
        saveMs.push(timed(() => call(library, 'notes.save', input)).ms);
        cpuMs.push(cpuMillis(process.cpuUsage(cpuBefore)));
      }
      const linked = (library.db.prepare('SELECT count(*) AS n FROM links WHERE from_note_id = ?').get(note.id) as { n: number }).n;
      if (linked < marks.links + marks.mentions + marks.quotes) throw new Error(`the saved note holds ${linked} links`);
      return [
        row(`notes.save, ${n(words)}-word note, p50 of ${SAVES}`, percentile(saveMs, 50), 'ms', 20),
        row(`notes.save, ${n(words)}-word note, p95 of ${SAVES}`, percentile(saveMs, 95), 'ms', 20),
        // The processor time the process spent (this thread, the garbage collector's, SQLite's): what
        // the save costs, where the clock above also counts waiting for a busy machine's processors.
        row(`  processor time, p50 of ${SAVES}`, percentile(cpuMs, 50), 'ms'),
        row(`  processor time, p95 of ${SAVES}`, percentile(cpuMs, 95), 'ms'),
        row('  first save of the note, from empty (not in the p50/p95)', firstSaveMs, 'ms'),
        row('  note body as JSON', bodyBytes / 1024, 'KB'),
      ];
    } finally {
      library.close();
    }
  },
};

function cpuMillis(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
