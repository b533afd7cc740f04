import type { Credibility, Reliability } from '../../common/admiralty';
import { gradeFactor, type AchEvidence, type AchRating, type Analysis, type AnalysisSummary } from '../../common/hypotheses';
import { sortedByText } from '../../common/sort-orders';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { scoreMatrix } from './ach-scores';

interface AnalysisRow {
  id: number;
  uid: string;
  name: string;
  question: string;
  weigh_by_grade: 0 | 1;
  created_at: string;
  updated_at: string;
  hypothesis_count: number;
  evidence_count: number;
}

const SELECT_ANALYSES = `
  SELECT a.id, a.uid, a.name, a.question, a.weigh_by_grade, a.created_at, a.updated_at,
    (SELECT count(*) FROM analysis_hypotheses WHERE analysis_id = a.id) AS hypothesis_count,
    (SELECT count(*) FROM analysis_evidence WHERE analysis_id = a.id) AS evidence_count
  FROM analyses a`;

export interface AnalysisFields {
  name: string;
  question: string;
  weighByGrade: boolean;
}

/** A to Z by name, as the other lists of the library. */
export function listAnalyses(library: Library): AnalysisSummary[] {
  return sortedByText(prepare<[], AnalysisRow>(library.db, SELECT_ANALYSES).all().map(toSummary), (a) => a.name);
}

export function getAnalysisSummary(library: Library, id: number): AnalysisSummary {
  const row = prepare<[number], AnalysisRow>(library.db, `${SELECT_ANALYSES} WHERE a.id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no analysis with id ${id}.`);
  return toSummary(row);
}

export function createAnalysis(library: Library, fields: Pick<AnalysisFields, 'name'> & Partial<AnalysisFields>): Analysis {
  const now = nowIso();
  const result = prepare(
    library.db,
    'INSERT INTO analyses (uid, name, question, weigh_by_grade, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(newUid(), fields.name, fields.question ?? '', fields.weighByGrade ? 1 : 0, now, now);
  return getAnalysis(library, Number(result.lastInsertRowid));
}

/** Renames, re-asks or switches grade weighting; what is omitted stays. */
export function updateAnalysis(library: Library, id: number, changes: Partial<AnalysisFields>): Analysis {
  const current = getAnalysisSummary(library, id);
  prepare(library.db, 'UPDATE analyses SET name = ?, question = ?, weigh_by_grade = ?, updated_at = ? WHERE id = ?').run(
    changes.name ?? current.name,
    changes.question ?? current.question,
    (changes.weighByGrade ?? current.weighByGrade) ? 1 : 0,
    nowIso(),
    id,
  );
  return getAnalysis(library, id);
}

/** The analysis, its hypotheses, items and cells go together; the passages it quoted stay in the library. */
export function deleteAnalysis(library: Library, id: number): AnalysisSummary {
  const analysis = getAnalysisSummary(library, id);
  prepare(library.db, 'DELETE FROM analyses WHERE id = ?').run(id);
  return analysis;
}

/** Marks the analysis as changed now (its list shows when it was last worked on). */
export function touchAnalysis(library: Library, id: number): void {
  prepare(library.db, 'UPDATE analyses SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

interface EvidenceRow {
  id: number;
  kind: 'highlight' | 'note';
  text: string;
  weight: number;
  highlight_id: number | null;
  deleted_at: string | null;
  live_quote: string | null;
  document_id: number | null;
  document_title: string | null;
  reliability: Reliability | null;
  document_credibility: Credibility | null;
  own_credibility: Credibility | null;
}

/** The whole matrix with its scores, read in one go (a read op runs in one transaction). */
export function getAnalysis(library: Library, id: number): Analysis {
  const summary = getAnalysisSummary(library, id);
  const db = library.db;
  const hypotheses = prepare<[number], { id: number; text: string }>(
    db,
    'SELECT id, text FROM analysis_hypotheses WHERE analysis_id = ? ORDER BY position, id',
  ).all(id);
  const rows = prepare<[number], EvidenceRow>(
    db,
    `SELECT e.id, e.kind, e.text, e.weight, e.highlight_id, h.deleted_at,
       -- An area has no words of its own to show as they are now: it keeps the caption it was added with.
       CASE WHEN h.area_page IS NULL THEN h.quote_exact END AS live_quote,
       d.id AS document_id, d.title AS document_title, d.reliability, d.credibility AS document_credibility,
       h.credibility AS own_credibility
     FROM analysis_evidence e
     LEFT JOIN highlights h ON h.id = e.highlight_id
     LEFT JOIN documents d ON d.id = h.document_id
     WHERE e.analysis_id = ? ORDER BY e.position, e.id`,
  ).all(id);
  const ratings = prepare<[number], { evidenceId: number; hypothesisId: number; rating: AchRating }>(
    db,
    `SELECT r.evidence_id AS evidenceId, r.hypothesis_id AS hypothesisId, r.rating
     FROM analysis_ratings r JOIN analysis_evidence e ON e.id = r.evidence_id
     WHERE e.analysis_id = ? ORDER BY e.position, e.id, r.hypothesis_id`,
  ).all(id);
  const evidence = rows.map((row) => toEvidence(row, summary.weighByGrade));
  const { scores, diagnostic } = scoreMatrix({
    hypothesisIds: hypotheses.map((h) => h.id),
    evidence: evidence.map((e) => ({ id: e.id, weight: e.effectiveWeight })),
    ratings,
  });
  return {
    ...summary,
    hypotheses,
    evidence: evidence.map((e) => ({ ...e, diagnostic: diagnostic.has(e.id) })),
    ratings,
    scores,
  };
}

function toEvidence(row: EvidenceRow, weighByGrade: boolean): AchEvidence {
  const passage = row.kind === 'highlight';
  // A passage removed for good (highlight_id set to NULL) is as gone as a soft-deleted one.
  const deleted = passage && (row.highlight_id === null || row.deleted_at !== null);
  const grade = passage && row.document_id !== null
    ? {
        reliability: row.reliability,
        credibility: row.own_credibility ?? row.document_credibility,
        credibilityFromDocument: row.own_credibility === null && row.document_credibility !== null,
      }
    : null;
  return {
    id: row.id,
    kind: row.kind,
    // A live passage shows its words as they are now (re-anchoring may have moved them); a deleted one, as added.
    text: passage && !deleted && row.live_quote !== null ? row.live_quote : row.text,
    highlightId: row.highlight_id,
    highlightDeleted: deleted,
    documentId: row.document_id,
    documentTitle: row.document_title,
    grade,
    weight: row.weight,
    effectiveWeight: weighByGrade ? round(row.weight * gradeFactor(grade)) : row.weight,
    diagnostic: false,
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function toSummary(row: AnalysisRow): AnalysisSummary {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    question: row.question,
    weighByGrade: row.weigh_by_grade === 1,
    hypothesisCount: row.hypothesis_count,
    evidenceCount: row.evidence_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
