import path from 'node:path';
import { ACH_RATINGS, type AchRatingCell } from '../main/common/hypotheses';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { scoreMatrix } from '../main/core/hypotheses/ach-scores';
import { n, rowMaker, type Benchmark } from './benchmark';
import { call } from './call';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';

const HYPOTHESES = 10;
const EVIDENCE = 200;
/** Of the items, this many are passages of the bundled article (joined to their highlight and document on every read); the rest are typed. */
const PASSAGES = 100;
const RUNS = 200;

/**
 * An analysis of competing hypotheses at the size the issue states (10 hypotheses, 200 items, every
 * cell rated): what one change costs. The core recomputes the whole matrix on each write (see
 * ach-scores.ts), so a rated cell answers with every score, rank and item's diagnosticity anew.
 */
export const achBenchmark: Benchmark = {
  name: 'ach',
  run({ workDir, built }) {
    const row = rowMaker('ach');
    const pick = new Picker(seededRandom(0xac4));

    // The scoring alone, on a matrix of random ratings.
    const hypothesisIds = Array.from({ length: HYPOTHESES }, (_, i) => i + 1);
    const evidence = Array.from({ length: EVIDENCE }, (_, i) => ({ id: i + 1, weight: pick.pick([0.5, 1, 2]) }));
    const ratings: AchRatingCell[] = evidence.flatMap((e) => hypothesisIds.map((h) => ({ evidenceId: e.id, hypothesisId: h, rating: pick.pick(ACH_RATINGS) })));
    const scoring: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cell = pick.int(0, ratings.length - 1);
      ratings[cell] = { ...ratings[cell]!, rating: pick.pick(ACH_RATINGS) };
      scoring.push(timed(() => scoreMatrix({ hypothesisIds, evidence, ratings })).ms);
    }

    // Through the door, as the view rates a cell: validation, the write, the read of the matrix and its scores.
    const building = performance.now();
    const library = openLibrary(path.join(workDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    try {
      const [article] = call(library, 'documents.list', {});
      const text = call(library, 'documents.get', { id: article!.id }).text;
      let analysis = call(library, 'ach.create', { name: 'Bench', question: 'Which of ten?' });
      for (let h = 0; h < HYPOTHESES; h++) analysis = call(library, 'ach.addHypothesis', { analysisId: analysis.id, text: `Hypothesis ${h + 1}` });
      const span = Math.floor(text.length / PASSAGES);
      for (let i = 0; i < EVIDENCE; i++) {
        if (i < PASSAGES) {
          const highlight = call(library, 'highlights.create', { documentId: article!.id, start: i * span, end: i * span + Math.min(40, span - 1), colour: 'yellow' });
          analysis = call(library, 'ach.addEvidence', { analysisId: analysis.id, highlightId: highlight.id, weight: pick.pick([0.5, 1, 2]) });
        } else {
          analysis = call(library, 'ach.addEvidence', { analysisId: analysis.id, text: `Typed item ${i + 1}`, weight: pick.pick([0.5, 1, 2]) });
        }
      }
      for (const item of analysis.evidence) {
        for (const h of analysis.hypotheses) call(library, 'ach.rate', { evidenceId: item.id, hypothesisId: h.id, rating: pick.pick(ACH_RATINGS) });
      }
      call(library, 'ach.update', { id: analysis.id, weighByGrade: true });
      built(`an analysis of ${HYPOTHESES} hypotheses and ${EVIDENCE} items (${PASSAGES} passages), ${n(HYPOTHESES * EVIDENCE)} cells rated`, performance.now() - building);

      const rating: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const item = pick.pick(analysis.evidence);
        const hypothesis = pick.pick(analysis.hypotheses);
        rating.push(timed(() => call(library, 'ach.rate', { evidenceId: item.id, hypothesisId: hypothesis.id, rating: pick.pick(ACH_RATINGS) })).ms);
      }
      const reading: number[] = [];
      for (let run = 0; run < RUNS; run++) reading.push(timed(() => call(library, 'ach.get', { id: analysis.id })).ms);
      const exporting: number[] = [];
      for (let run = 0; run < 20; run++) exporting.push(timed(() => call(library, 'export.ach', { id: analysis.id, format: 'markdown' })).ms);

      const size = `${HYPOTHESES} x ${EVIDENCE}`;
      return [
        row(`scoring of ${size} after one change, p50 of ${RUNS}`, percentile(scoring, 50), 'ms'),
        row(`scoring of ${size} after one change, p95 of ${RUNS}`, percentile(scoring, 95), 'ms', 5),
        row(`ach.rate on ${size} (write + matrix + scores), p50 of ${RUNS}`, percentile(rating, 50), 'ms'),
        row(`ach.rate on ${size} (write + matrix + scores), p95 of ${RUNS}`, percentile(rating, 95), 'ms', 50),
        row(`ach.get on ${size}, p95 of ${RUNS}`, percentile(reading, 95), 'ms', 50),
        row(`export.ach markdown on ${size}, slowest of 20`, Math.max(...exporting), 'ms'),
      ];
    } finally {
      library.close();
    }
  },
};
