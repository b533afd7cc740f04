import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { findDates } from '../main/core/timeline/find-dates';
import { MONTH_NAMES } from '../main/common/timeline';
import { fittingScale, layoutTimeline } from '../renderer/timeline/timeline-layout';
import { n, rowMaker, type Benchmark } from './benchmark';
import { call, upload } from './call';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';

const EVENTS = 10_000;
const ACTORS = 40;
const RUNS = 5;
const PLACES = ['Gao', 'Kidal', 'Timbuktu', 'Bamako', 'Mopti', 'Tessalit', 'Ménaka', 'Aguelhok'];

/**
 * The Timeline at the size the issue states: 10,000 dated passages, each tagged with one to three
 * of 40 actors. Measured: the dates read from 10,000 passages (what suggesting costs), the
 * timeline.events call that reads the events and works out the suggestions, and the axis's
 * layout (lanes per actor and per document, at the whole-timeline and a zoomed-in scale).
 * The passages are written straight into the tables, as the time to highlight them by hand is
 * not what is measured here.
 */
export const timelineBenchmark: Benchmark = {
  name: 'timeline',
  run({ workDir, built }) {
    const library = openLibrary(path.join(workDir, 'library', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    try {
      const row = rowMaker('timeline');
      const pick = new Picker(seededRandom(0x7113));
      const building = performance.now();
      const sentences = Array.from({ length: EVENTS }, () => {
        const year = pick.int(1995, 2024);
        const month = MONTH_NAMES[pick.int(0, 11)]!;
        const kind = pick.int(0, 2);
        const when = kind === 0 ? `${pick.int(1, 28)} ${month} ${year}` : kind === 1 ? `${month} ${year}` : `${year}`;
        return { text: `In ${when} some ${pick.int(20, 900)} fighters were seen near ${pick.pick(PLACES)} last year.`, when };
      });
      // A title line first: a plain-text import takes its first line as the title, not the text.
      const text = `Timeline report\n\n${sentences.map((s) => s.text).join('\n\n')}`;
      const [imported] = call(library, 'documents.import', { files: [upload('timeline-report.txt', text)] });
      if (imported?.status !== 'imported') throw new Error('The benchmark document was not imported.');
      const documentId = imported.document.id;
      call(library, 'documents.update', { id: documentId, published: '2025-06-01' });
      const stored = call(library, 'documents.get', { id: documentId }).text;
      const actorIds = Array.from({ length: ACTORS }, (_, i) => call(library, 'actors.create', { name: `Actor ${i + 1}`, kind: 'group' }).id);
      const db = library.db;
      const insertHighlight = db.prepare(
        `INSERT INTO highlights (uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, colour, created_at, updated_at)
         VALUES (?, ?, ?, '', '', ?, ?, 'yellow', ?, ?)`,
      );
      const tag = db.prepare('INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)');
      const date = db.prepare("INSERT INTO highlight_dates (highlight_id, date, status, found, created_at, updated_at) VALUES (?, ?, 'confirmed', ?, ?, ?)");
      const now = new Date().toISOString();
      library.write(() => {
        let from = 0;
        for (const sentence of sentences) {
          const start = stored.indexOf(sentence.text, from);
          if (start < 0) throw new Error(`“${sentence.text}” is not in the imported text.`);
          from = start + sentence.text.length;
          const id = Number(insertHighlight.run(randomUUID(), documentId, sentence.text, start, from, now, now).lastInsertRowid);
          for (let k = pick.int(1, 3); k > 0; k--) tag.run(id, pick.pick(actorIds));
          const found = findDates(sentence.text, '2025-06-01')[0]!;
          date.run(id, found.date, found.text, now, now);
        }
      });
      built(`${n(EVENTS)} dated passages of one document, tagged with ${ACTORS} actors`, performance.now() - building);

      const finding: number[] = [];
      for (let run = 0; run < RUNS; run++) finding.push(timed(() => sentences.map((s) => findDates(s.text, '2025-06-01'))).ms);
      const reading: number[] = [];
      let timeline = call(library, 'timeline.events', {});
      for (let run = 0; run < RUNS; run++) reading.push(timed(() => (timeline = call(library, 'timeline.events', {}))).ms);
      const confirmedOnly: number[] = [];
      for (let run = 0; run < RUNS; run++) confirmedOnly.push(timed(() => call(library, 'timeline.events', { suggestions: false })).ms);
      if (timeline.events.length !== EVENTS) throw new Error(`Expected ${EVENTS} events, got ${timeline.events.length}.`);

      const whole = fittingScale(timeline.events, 1_200);
      const byActor: number[] = [];
      const byDocument: number[] = [];
      const zoomed: number[] = [];
      let marks = 0;
      for (let run = 0; run < RUNS; run++) {
        byActor.push(timed(() => (marks = layoutTimeline(timeline.events, { lanes: 'actor', actors: timeline.actors, pxPerDay: whole }).marks.length)).ms);
        byDocument.push(timed(() => layoutTimeline(timeline.events, { lanes: 'document', actors: timeline.actors, pxPerDay: whole })).ms);
        zoomed.push(timed(() => layoutTimeline(timeline.events, { lanes: 'actor', actors: timeline.actors, pxPerDay: whole * 64 })).ms);
      }
      return [
        row(`dates read from ${n(EVENTS)} passages, p50 of ${RUNS}`, percentile(finding, 50), 'ms', 500),
        row(`timeline.events with suggestions, ${n(EVENTS)} events, p50 of ${RUNS}`, percentile(reading, 50), 'ms', 1_500),
        row(`timeline.events, events only, p50 of ${RUNS}`, percentile(confirmedOnly, 50), 'ms', 750),
        row(`suggestions still to decide ("last year" in each)`, timeline.suggestions.length, 'count'),
        row(`layout, a lane per actor (${n(marks)} marks), p50 of ${RUNS}`, percentile(byActor, 50), 'ms', 250),
        row(`layout, a lane per document, p50 of ${RUNS}`, percentile(byDocument, 50), 'ms', 250),
        row(`layout, a lane per actor zoomed 64×, p50 of ${RUNS}`, percentile(zoomed, 50), 'ms', 250),
      ];
    } finally {
      library.close();
    }
  },
};
