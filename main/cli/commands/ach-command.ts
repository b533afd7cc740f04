import { gradeCode } from '../../common/admiralty';
import type { Analysis } from '../../common/hypotheses';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate } from '../format-table';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

/**
 * `ach [ID] [--json]`: without an ID, the library's analyses of competing hypotheses; with one,
 * its hypotheses ranked by weighted inconsistency (Heuer: the least inconsistent first) and its
 * matrix, an item per line with its weight, whether it is diagnostic and its ratings.
 */
export function runAch({ library, io, json, operands }: CommandInput): number {
  if (operands[0] === undefined) {
    const analyses = callOp(library, 'ach.list', {});
    if (json) {
      writeJson(io, analyses);
      return EXIT_OK;
    }
    if (analyses.length === 0) {
      io.stdout.write('No analyses yet.\n');
      return EXIT_OK;
    }
    io.stdout.write(
      formatTable(
        [{ header: 'ID', align: 'right' }, { header: 'NAME' }, { header: 'HYPOTHESES', align: 'right' }, { header: 'EVIDENCE', align: 'right' }, { header: 'QUESTION' }],
        analyses.map((a) => [String(a.id), truncate(a.name, 40), String(a.hypothesisCount), String(a.evidenceCount), truncate(a.question, 60)]),
      ),
    );
    return EXIT_OK;
  }
  const analysis = callOp(library, 'ach.get', { id: idFromArgument(operands[0]) });
  if (json) {
    writeJson(io, analysis);
    return EXIT_OK;
  }
  io.stdout.write(matrixText(analysis));
  return EXIT_OK;
}

const number = (n: number) => String(Math.round(n * 100) / 100);

function matrixText(analysis: Analysis): string {
  const out = [`${analysis.name}\n`];
  if (analysis.question) out.push(`Question: ${analysis.question}\n`);
  out.push(analysis.weighByGrade ? 'Weights are multiplied by the source grade’s factor.\n' : '');
  if (analysis.hypotheses.length === 0) {
    out.push('\nNo hypotheses yet.\n');
    return out.join('');
  }
  const label = new Map(analysis.hypotheses.map((h, i) => [h.id, `H${i + 1}`]));
  const text = new Map(analysis.hypotheses.map((h) => [h.id, h.text]));
  const ranked = [...analysis.scores].sort((a, b) => a.rank - b.rank);
  out.push(
    '\n',
    formatTable(
      [
        { header: 'RANK', align: 'right' },
        { header: 'H' },
        { header: 'WEIGHTED INCONSISTENCY', align: 'right' },
        { header: 'INCONSISTENCY', align: 'right' },
        { header: 'CONSISTENCY', align: 'right' },
        { header: 'HYPOTHESIS' },
      ],
      ranked.map((s) => [String(s.rank), label.get(s.hypothesisId)!, number(s.weightedInconsistency), String(s.inconsistency), number(s.weightedConsistency), truncate(text.get(s.hypothesisId)!, 60)]),
    ),
  );
  if (analysis.evidence.length === 0) {
    out.push('\nNo evidence yet.\n');
    return out.join('');
  }
  const rating = new Map(analysis.ratings.map((r) => [`${r.evidenceId}:${r.hypothesisId}`, r.rating]));
  out.push(
    '\n',
    formatTable(
      [
        { header: 'E' },
        { header: 'WEIGHT', align: 'right' },
        { header: 'GRADE' },
        { header: 'DIAGNOSTIC' },
        ...analysis.hypotheses.map((h) => ({ header: label.get(h.id)! })),
        { header: 'EVIDENCE' },
      ],
      analysis.evidence.map((e, i) => [
        `E${i + 1}`,
        number(e.effectiveWeight),
        e.grade ? gradeCode(e.grade.reliability, e.grade.credibility) || '-' : '-',
        e.diagnostic ? 'yes' : 'no',
        ...analysis.hypotheses.map((h) => rating.get(`${e.id}:${h.id}`) ?? '.'),
        truncate(`${e.kind === 'note' ? '' : '“'}${e.text.replace(/\s+/g, ' ')}${e.kind === 'note' ? '' : '”'}`, 60),
      ]),
    ),
  );
  return out.join('');
}
