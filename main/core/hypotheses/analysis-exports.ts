import { gradeCode } from '../../common/admiralty';
import { ACH_RATING_WORDING, type AchEvidence, type AchRating, type Analysis } from '../../common/hypotheses';
import type { ExportedFile } from '../../common/records';
import { csvField } from '../export/highlights-csv';
import { blockQuote, escapeMarkdown, headingText } from '../export/markdown-text';
import { safeFileName } from '../export/safe-file-name';

/**
 * An analysis as a spreadsheet and as a report: the matrix, the scores and every item's words
 * (the quotes), so the reasoning travels without the library. Ratings are written as Heuer's codes
 * (CC, C, N, I, II, NA); an unrated cell is left empty, which the scores read as N.
 */

const ratingsOf = (analysis: Analysis) => {
  const byCell = new Map(analysis.ratings.map((r) => [`${r.evidenceId}:${r.hypothesisId}`, r.rating]));
  return (evidenceId: number, hypothesisId: number): AchRating | '' => byCell.get(`${evidenceId}:${hypothesisId}`) ?? '';
};
const gradeOf = (item: AchEvidence) => (item.grade ? gradeCode(item.grade.reliability, item.grade.credibility) : '');
const source = (item: AchEvidence) => (item.kind === 'note' ? 'Typed' : `${item.documentTitle ?? 'Unknown document'}${item.highlightDeleted ? ' (passage deleted)' : ''}`);
const number = (n: number) => String(Math.round(n * 100) / 100);
const hypothesisLabel = (index: number) => `H${index + 1}`;
const evidenceLabel = (index: number) => `E${index + 1}`;

export function analysisCsv(analysis: Analysis, options: { bom?: boolean } = {}): string {
  const rating = ratingsOf(analysis);
  const fixed = ['Item', 'Evidence', 'Source', 'Grade', 'Weight', 'Weight used', 'Diagnostic'];
  const lines = [[...fixed, ...analysis.hypotheses.map((h, i) => `${hypothesisLabel(i)}: ${h.text}`)]];
  analysis.evidence.forEach((item, i) => {
    lines.push([
      evidenceLabel(i),
      item.text,
      source(item),
      gradeOf(item),
      number(item.weight),
      number(item.effectiveWeight),
      item.diagnostic ? 'yes' : 'no',
      ...analysis.hypotheses.map((h) => rating(item.id, h.id)),
    ]);
  });
  const pad = fixed.map(() => '');
  const scoreLine = (label: string, value: (s: Analysis['scores'][number]) => number) => [label, ...pad.slice(1), ...analysis.scores.map((s) => number(value(s)))];
  lines.push(scoreLine('Weighted inconsistency', (s) => s.weightedInconsistency));
  lines.push(scoreLine('Inconsistency (unweighted)', (s) => s.inconsistency));
  lines.push(scoreLine('Weighted consistency', (s) => s.weightedConsistency));
  lines.push(scoreLine('Rank', (s) => s.rank));
  return `${options.bom ? '\uFEFF' : ''}${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A table cell: on one line, its pipes escaped. */
const cell = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

export function analysisMarkdown(analysis: Analysis): string {
  const rating = ratingsOf(analysis);
  const out: string[] = [`# ${headingText(analysis.name)}`, ''];
  if (analysis.question) out.push(`**Question:** ${cell(analysis.question)}`, '');
  out.push(
    analysis.weighByGrade
      ? 'Each item’s weight is multiplied by its source grade’s (Admiralty code) factor.'
      : 'Items are weighed by the analyst’s weight alone.',
    '',
    '## Hypotheses',
    '',
    'Ranked by weighted inconsistency (Heuer: the least inconsistent is the likeliest; I counts 1, II counts 2, times the item’s weight).',
    '',
    '| Rank | Hypothesis | Weighted inconsistency | Inconsistency | Weighted consistency |',
    '| ---: | --- | ---: | ---: | ---: |',
  );
  const ranked = analysis.scores
    .map((score) => ({ score, index: analysis.hypotheses.findIndex((h) => h.id === score.hypothesisId) }))
    .sort((a, b) => a.score.rank - b.score.rank || a.index - b.index);
  for (const { score, index } of ranked) {
    const text = analysis.hypotheses[index]!.text;
    out.push(`| ${score.rank} | ${hypothesisLabel(index)}: ${cell(text)} | ${number(score.weightedInconsistency)} | ${number(score.inconsistency)} | ${number(score.weightedConsistency)} |`);
  }
  out.push('', '## Matrix', '');
  out.push(`| Evidence | Weight | ${analysis.hypotheses.map((_, i) => hypothesisLabel(i)).join(' | ')} |`);
  out.push(`| --- | ---: | ${analysis.hypotheses.map(() => ':---:').join(' | ')} |`);
  analysis.evidence.forEach((item, i) => {
    const marks = analysis.hypotheses.map((h) => rating(item.id, h.id) || ' ');
    out.push(`| ${evidenceLabel(i)}${item.diagnostic ? '' : ' (not diagnostic)'} | ${number(item.effectiveWeight)} | ${marks.join(' | ')} |`);
  });
  out.push('', `Ratings: ${Object.entries(ACH_RATING_WORDING).map(([code, words]) => `${code} ${words.toLowerCase()}`).join(', ')}; empty: not rated (neutral).`);
  out.push('', '## Evidence', '');
  analysis.evidence.forEach((item, i) => {
    const facts = [source(item), item.grade ? `grade ${gradeOf(item) || 'not graded'}` : null, `weight ${number(item.weight)}`].filter(Boolean).join(', ');
    out.push(`### ${evidenceLabel(i)}`, '', blockQuote(escapeMarkdown(item.text)), '', cell(facts), '');
  });
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export function analysisFile(analysis: Analysis, format: 'csv' | 'markdown', options: { bom?: boolean } = {}): ExportedFile {
  const base = safeFileName(analysis.name);
  return format === 'csv'
    ? { fileName: `${base}.csv`, mediaType: 'text/csv; charset=utf-8; header=present', content: analysisCsv(analysis, { bom: options.bom ?? true }) }
    : { fileName: `${base}.md`, mediaType: 'text/markdown; charset=utf-8', content: analysisMarkdown(analysis) };
}
