import type { AchRating, Analysis } from '../../common/hypotheses';
import { areaCaptionOf } from '../documents/document-parts';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { getAnalysis, getAnalysisSummary, touchAnalysis } from './analysis-repo';

/**
 * The rows and cells of an analysis's matrix. Each write answers with the whole analysis, scores
 * recomputed, since a single cell can move every hypothesis's rank and an item's diagnosticity.
 */

/** Beyond these a matrix stops being something a person can rate cell by cell. */
export const MAX_HYPOTHESES = 30;
export const MAX_EVIDENCE = 1_000;

export function addHypothesis(library: Library, analysisId: number, text: string): Analysis {
  const analysis = getAnalysisSummary(library, analysisId);
  if (analysis.hypothesisCount >= MAX_HYPOTHESES) {
    throw new FieldbookError('refused', `An analysis can weigh at most ${MAX_HYPOTHESES} hypotheses.`);
  }
  prepare(
    library.db,
    `INSERT INTO analysis_hypotheses (analysis_id, position, text)
     VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM analysis_hypotheses WHERE analysis_id = ?), ?)`,
  ).run(analysisId, analysisId, text);
  touchAnalysis(library, analysisId);
  return getAnalysis(library, analysisId);
}

export function updateHypothesis(library: Library, hypothesisId: number, text: string): Analysis {
  const analysisId = hypothesisAnalysis(library, hypothesisId);
  prepare(library.db, 'UPDATE analysis_hypotheses SET text = ? WHERE id = ?').run(text, hypothesisId);
  touchAnalysis(library, analysisId);
  return getAnalysis(library, analysisId);
}

/** Its column of ratings goes with it. */
export function removeHypothesis(library: Library, hypothesisId: number): Analysis {
  const analysisId = hypothesisAnalysis(library, hypothesisId);
  prepare(library.db, 'DELETE FROM analysis_hypotheses WHERE id = ?').run(hypothesisId);
  touchAnalysis(library, analysisId);
  return getAnalysis(library, analysisId);
}

export type EvidenceSource = { highlightId: number } | { text: string };

/**
 * Adds a passage (its quote is kept with the item, see migration 0120) or a typed item. A passage
 * already in the analysis is refused rather than counted twice: Heuer's scores add up per item.
 */
export function addEvidence(library: Library, analysisId: number, source: EvidenceSource, weight = 1): Analysis {
  const analysis = getAnalysisSummary(library, analysisId);
  if (analysis.evidenceCount >= MAX_EVIDENCE) {
    throw new FieldbookError('refused', `An analysis can hold at most ${MAX_EVIDENCE} evidence items.`);
  }
  let kind: 'highlight' | 'note' = 'note';
  let highlightId: number | null = null;
  let text: string;
  if ('highlightId' in source) {
    const highlight = prepare<[number], { quote_exact: string; deleted_at: string | null; document_id: number; area_page: number | null; comment: string }>(
      library.db,
      'SELECT quote_exact, deleted_at, document_id, area_page, comment FROM highlights WHERE id = ?',
    ).get(source.highlightId);
    if (!highlight || highlight.deleted_at !== null) throw new FieldbookError('not_found', `There is no highlight with id ${source.highlightId}.`);
    const already = prepare<[number, number], { id: number }>(
      library.db,
      'SELECT id FROM analysis_evidence WHERE analysis_id = ? AND highlight_id = ?',
    ).get(analysisId, source.highlightId);
    if (already) throw new FieldbookError('conflict', `This passage is already evidence in “${analysis.name}”.`);
    kind = 'highlight';
    highlightId = source.highlightId;
    // An area quotes no words: it is named by its page, and what its comment says it shows.
    text = highlight.area_page === null ? highlight.quote_exact : areaEvidenceText(library, highlight.document_id, highlight.area_page, highlight.comment);
  } else {
    text = source.text;
  }
  prepare(
    library.db,
    `INSERT INTO analysis_evidence (analysis_id, position, kind, highlight_id, text, weight)
     VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM analysis_evidence WHERE analysis_id = ?), ?, ?, ?, ?)`,
  ).run(analysisId, analysisId, kind, highlightId, text, weight);
  touchAnalysis(library, analysisId);
  return getAnalysis(library, analysisId);
}

/** Reweighs an item, or rewords a typed one (a passage's words are its document's). */
export function updateEvidence(library: Library, evidenceId: number, changes: { text?: string | undefined; weight?: number | undefined }): Analysis {
  const item = evidenceRow(library, evidenceId);
  if (changes.text !== undefined && item.kind === 'highlight') {
    throw new FieldbookError('refused', 'A passage’s words are its document’s; only a typed item can be reworded.');
  }
  prepare(library.db, 'UPDATE analysis_evidence SET text = ?, weight = ? WHERE id = ?').run(
    changes.text ?? item.text,
    changes.weight ?? item.weight,
    evidenceId,
  );
  touchAnalysis(library, item.analysis_id);
  return getAnalysis(library, item.analysis_id);
}

/** Its row of ratings goes with it; a passage stays in its document. */
export function removeEvidence(library: Library, evidenceId: number): Analysis {
  const item = evidenceRow(library, evidenceId);
  prepare(library.db, 'DELETE FROM analysis_evidence WHERE id = ?').run(evidenceId);
  touchAnalysis(library, item.analysis_id);
  return getAnalysis(library, item.analysis_id);
}

/** Rates one cell; null clears it (an unrated cell reads as N). Both must belong to the same analysis. */
export function rateCell(library: Library, evidenceId: number, hypothesisId: number, rating: AchRating | null): Analysis {
  const item = evidenceRow(library, evidenceId);
  const analysisId = hypothesisAnalysis(library, hypothesisId);
  if (analysisId !== item.analysis_id) {
    throw new FieldbookError('invalid_input', 'The evidence item and the hypothesis belong to different analyses.');
  }
  if (rating === null) {
    prepare(library.db, 'DELETE FROM analysis_ratings WHERE evidence_id = ? AND hypothesis_id = ?').run(evidenceId, hypothesisId);
  } else {
    prepare(
      library.db,
      `INSERT INTO analysis_ratings (evidence_id, hypothesis_id, rating) VALUES (?, ?, ?)
       ON CONFLICT (evidence_id, hypothesis_id) DO UPDATE SET rating = excluded.rating WHERE rating IS NOT excluded.rating`,
    ).run(evidenceId, hypothesisId, rating);
  }
  touchAnalysis(library, analysisId);
  return getAnalysis(library, analysisId);
}

function hypothesisAnalysis(library: Library, hypothesisId: number): number {
  const row = prepare<[number], { analysis_id: number }>(library.db, 'SELECT analysis_id FROM analysis_hypotheses WHERE id = ?').get(hypothesisId);
  if (!row) throw new FieldbookError('not_found', `There is no hypothesis with id ${hypothesisId}.`);
  return row.analysis_id;
}

function evidenceRow(library: Library, evidenceId: number): { analysis_id: number; kind: 'highlight' | 'note'; text: string; weight: number } {
  const row = prepare<[number], { analysis_id: number; kind: 'highlight' | 'note'; text: string; weight: number }>(
    library.db,
    'SELECT analysis_id, kind, text, weight FROM analysis_evidence WHERE id = ?',
  ).get(evidenceId);
  if (!row) throw new FieldbookError('not_found', `There is no evidence item with id ${evidenceId}.`);
  return row;
}

function areaEvidenceText(library: Library, documentId: number, page: number, comment: string): string {
  const caption = areaCaptionOf(library, documentId, { page });
  return comment.trim() ? `${caption}: ${comment.trim()}` : caption;
}
