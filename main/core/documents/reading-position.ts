import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { nowIso } from '../clock';
import { getDocumentSummary } from './document-repo';

/** Remembers where in a document's text the person stopped reading. */
export function saveReadingPosition(library: Library, documentId: number, offset: number): { offset: number } {
  getDocumentSummary(library, documentId);
  prepare(
    library.db,
    `INSERT INTO reading_positions (document_id, text_offset, read_at) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET text_offset = excluded.text_offset, read_at = excluded.read_at`,
  ).run(documentId, offset, nowIso());
  return { offset };
}

/**
 * Where the document was left, or null if it never was. A newer, shorter version may have
 * replaced the text since: the place is kept within it.
 */
export function readingPosition(library: Library, documentId: number): { offset: number | null } {
  getDocumentSummary(library, documentId);
  const row = prepare<[number], { offset: number; length: number }>(
    library.db,
    `SELECT p.text_offset AS offset, (SELECT max("end") FROM document_text WHERE document_id = p.document_id) AS length
       FROM reading_positions p WHERE p.document_id = ?`,
  ).get(documentId);
  return { offset: row ? Math.min(row.offset, Math.max(0, row.length - 1)) : null };
}
