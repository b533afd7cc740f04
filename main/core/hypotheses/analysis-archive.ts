import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isId, isUid, UID_RULE } from '../../common/ids';
import { ACH_RATINGS, MAX_EVIDENCE_WEIGHT } from '../../common/hypotheses';

/**
 * Analyses of competing hypotheses in the JSON archive (since archive version 8; see
 * main/core/export/ARCHIVE.md). Each analysis carries its own hypotheses, items and cells, so the
 * archive gains one array and the other rows are untouched. Kept apart from library-archive.ts so
 * that the archive's own code only calls in here.
 */
export const ANALYSES_SINCE_VERSION = 8;

const LocalId = z.number().refine(isId, 'An id must be a whole number from 1 to 9007199254740991.');
const Time = z.string().min(1).max(64);

export const ArchiveAnalysis = z.object({
  id: LocalId,
  uid: z.string().refine(isUid, `A uid must be ${UID_RULE}.`),
  name: z.string().trim().min(1).max(200),
  question: z.string().max(2_000),
  weighByGrade: z.boolean(),
  createdAt: Time,
  updatedAt: Time,
  hypotheses: z.array(z.object({ id: LocalId, position: z.int(), text: z.string().trim().min(1).max(1_000) })).max(1_000),
  evidence: z
    .array(
      z
        .object({
          id: LocalId,
          position: z.int(),
          kind: z.enum(['highlight', 'note']),
          highlightId: LocalId.nullable(),
          text: z.string().min(1).max(100_000),
          weight: z.number().positive().max(MAX_EVIDENCE_WEIGHT),
        })
        .refine((e) => e.kind === 'highlight' || e.highlightId === null, { message: 'A typed item names no highlight.', path: ['highlightId'] }),
    )
    .max(100_000),
  ratings: z.array(z.object({ evidenceId: LocalId, hypothesisId: LocalId, rating: z.enum(ACH_RATINGS) })),
});
export type ArchiveAnalysisRow = z.output<typeof ArchiveAnalysis>;

/** Every analysis, row for row, in one read (the caller's transaction). */
export function archivedAnalyses(db: Database.Database): ArchiveAnalysisRow[] {
  const analyses = db
    .prepare('SELECT id, uid, name, question, weigh_by_grade AS weighByGrade, created_at AS createdAt, updated_at AS updatedAt FROM analyses ORDER BY id')
    .all() as Array<Omit<ArchiveAnalysisRow, 'weighByGrade' | 'hypotheses' | 'evidence' | 'ratings'> & { weighByGrade: number }>;
  const hypotheses = db.prepare('SELECT id, position, text FROM analysis_hypotheses WHERE analysis_id = ? ORDER BY position, id');
  const evidence = db.prepare('SELECT id, position, kind, highlight_id AS highlightId, text, weight FROM analysis_evidence WHERE analysis_id = ? ORDER BY position, id');
  const ratings = db.prepare(
    `SELECT r.evidence_id AS evidenceId, r.hypothesis_id AS hypothesisId, r.rating FROM analysis_ratings r
     JOIN analysis_evidence e ON e.id = r.evidence_id WHERE e.analysis_id = ? ORDER BY r.evidence_id, r.hypothesis_id`,
  );
  return analyses.map((a) => ({
    ...a,
    weighByGrade: a.weighByGrade === 1,
    hypotheses: hypotheses.all(a.id) as ArchiveAnalysisRow['hypotheses'],
    evidence: evidence.all(a.id) as ArchiveAnalysisRow['evidence'],
    ratings: ratings.all(a.id) as ArchiveAnalysisRow['ratings'],
  }));
}

/** The references an analysis makes hold inside the archive; the message names what does not. */
export function analysesReferenceProblem(analyses: readonly ArchiveAnalysisRow[], highlightIds: ReadonlySet<number>): string | null {
  const seen = { analysis: new Set<number>(), uid: new Set<string>(), hypothesis: new Set<number>(), evidence: new Set<number>() };
  for (const a of analyses) {
    if (seen.analysis.has(a.id) || seen.uid.has(a.uid)) return `two analyses share the id ${a.id} or the uid ${a.uid}.`;
    seen.analysis.add(a.id);
    seen.uid.add(a.uid);
    const own = { hypothesis: new Set<number>(), evidence: new Set<number>() };
    for (const h of a.hypotheses) {
      if (seen.hypothesis.has(h.id)) return `two hypotheses share the id ${h.id}.`;
      seen.hypothesis.add(h.id);
      own.hypothesis.add(h.id);
    }
    for (const e of a.evidence) {
      if (seen.evidence.has(e.id)) return `two evidence items share the id ${e.id}.`;
      seen.evidence.add(e.id);
      own.evidence.add(e.id);
      if (e.highlightId !== null && !highlightIds.has(e.highlightId)) return `an item of the analysis “${a.name}” quotes highlight ${e.highlightId}, which is not in it.`;
    }
    const cells = new Set<string>();
    for (const r of a.ratings) {
      if (!own.evidence.has(r.evidenceId) || !own.hypothesis.has(r.hypothesisId)) {
        return `a rating of the analysis “${a.name}” joins item ${r.evidenceId} and hypothesis ${r.hypothesisId}, which are not both in it.`;
      }
      const cell = `${r.evidenceId}:${r.hypothesisId}`;
      if (cells.has(cell)) return `the analysis “${a.name}” rates item ${r.evidenceId} against hypothesis ${r.hypothesisId} twice.`;
      cells.add(cell);
    }
  }
  return null;
}

/**
 * Restores the archive's analyses: one whose uid the library holds is the library's (it may have
 * been worked on since) and is left alone; a new one comes in whole, keeping its archived ids where
 * they are free, its passages mapped to the library's. Returns how many were added and left.
 */
export function restoreAnalyses(
  db: Database.Database,
  analyses: readonly ArchiveAnalysisRow[],
  highlightId: (archived: number) => number | undefined,
): { added: number; unchanged: number } {
  const known = new Set((db.prepare('SELECT uid FROM analyses').all() as Array<{ uid: string }>).map((a) => a.uid));
  const insertAnalysis = db.prepare(
    'INSERT INTO analyses (id, uid, name, question, weigh_by_grade, created_at, updated_at) VALUES (@id, @uid, @name, @question, @weighByGrade, @createdAt, @updatedAt)',
  );
  const insertHypothesis = db.prepare('INSERT INTO analysis_hypotheses (id, analysis_id, position, text) VALUES (@id, @analysisId, @position, @text)');
  const insertEvidence = db.prepare(
    'INSERT INTO analysis_evidence (id, analysis_id, position, kind, highlight_id, text, weight) VALUES (@id, @analysisId, @position, @kind, @highlightId, @text, @weight)',
  );
  const insertRating = db.prepare('INSERT INTO analysis_ratings (evidence_id, hypothesis_id, rating) VALUES (?, ?, ?)');
  const freeId = (table: string) => {
    const taken = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
    return (id: number) => (taken.get(id) === undefined ? id : null);
  };
  const free = { analysis: freeId('analyses'), hypothesis: freeId('analysis_hypotheses'), evidence: freeId('analysis_evidence') };
  let added = 0;
  let unchanged = 0;
  for (const a of analyses) {
    if (known.has(a.uid)) {
      unchanged++;
      continue;
    }
    const { hypotheses, evidence, ratings, ...row } = a;
    const analysisId = Number(insertAnalysis.run({ ...row, id: free.analysis(a.id), weighByGrade: a.weighByGrade ? 1 : 0 }).lastInsertRowid);
    const hypothesisIds = new Map<number, number>();
    for (const h of hypotheses) {
      hypothesisIds.set(h.id, Number(insertHypothesis.run({ ...h, id: free.hypothesis(h.id), analysisId }).lastInsertRowid));
    }
    const evidenceIds = new Map<number, number>();
    for (const e of evidence) {
      // A passage the restore did not bring (it could not be placed) leaves the item with its quote, as a deleted passage does.
      const mapped = e.highlightId === null ? null : (highlightId(e.highlightId) ?? null);
      evidenceIds.set(e.id, Number(insertEvidence.run({ ...e, id: free.evidence(e.id), analysisId, highlightId: mapped }).lastInsertRowid));
    }
    for (const r of ratings) insertRating.run(evidenceIds.get(r.evidenceId)!, hypothesisIds.get(r.hypothesisId)!, r.rating);
    known.add(a.uid);
    added++;
  }
  return { added, unchanged };
}
