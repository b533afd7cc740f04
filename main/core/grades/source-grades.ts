import type { Credibility, Reliability } from '../../common/admiralty';
import type { DocumentSummary, Highlight } from '../../common/records';
import { nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getDocumentSummary } from '../documents/document-repo';
import { getHighlight } from '../highlights/highlight-repo';

/** What a grading changes about a document; what is omitted stays, null clears it. */
export interface DocumentGradeChange {
  reliability?: Reliability | null;
  credibility?: Credibility | null;
}

/**
 * Grades a document as a source (the caller's transaction). Values arrive checked by the contract
 * and again by the table's CHECKs. A grade that is already the document's writes nothing, so
 * nothing is logged and the document's updatedAt (which a restore compares) stays.
 */
export function gradeDocument(library: Library, id: number, change: DocumentGradeChange): DocumentSummary {
  const before = getDocumentSummary(library, id);
  const reliability = change.reliability === undefined ? (before.reliability ?? null) : change.reliability;
  const credibility = change.credibility === undefined ? (before.credibility ?? null) : change.credibility;
  if (reliability === (before.reliability ?? null) && credibility === (before.credibility ?? null)) return before;
  prepare(library.db, 'UPDATE documents SET reliability = ?, credibility = ?, updated_at = ? WHERE id = ?').run(reliability, credibility, nowIso(), id);
  return getDocumentSummary(library, id);
}

/** Gives a passage a credibility of its own, or (null) gives it back its document's. */
export function gradeHighlight(library: Library, id: number, credibility: Credibility | null): Highlight {
  const before = getHighlight(library, id);
  if ((before.credibility ?? null) === credibility) return before;
  prepare(library.db, 'UPDATE highlights SET credibility = ?, updated_at = ? WHERE id = ?').run(credibility, nowIso(), id);
  return getHighlight(library, id);
}
