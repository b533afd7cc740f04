import { citePart, partAt, type DocumentPart, type DocumentPartKind } from '../../common/document-parts';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';

/** A place in a document's text that a result points at; a null offset (an orphaned highlight) has no place. */
export interface PointAt {
  documentId: number;
  offset: number | null;
}

interface PartRow {
  nth: number;
  kind: DocumentPartKind;
  ordinal: number;
  label: string;
  start_offset: number;
  end_offset: number;
}

/**
 * Where each point is, as an export cites it: "p. 12" or a chapter's title; null in a document
 * without parts (HTML, Markdown, text). One query for a whole result list, which asks only for
 * the parts touching each offset, not a book's hundreds of pages.
 *
 * A part ending exactly at the offset is kept only when it is its document's last part with text:
 * partAt counts the end of the text as inside the last part, and the rows must let it tell.
 */
export function placesOf(library: Library, points: readonly PointAt[]): Array<string | null> {
  const asked = points.flatMap((point, nth) => (point.offset === null ? [] : [[nth, point.documentId, point.offset]]));
  if (asked.length === 0) return points.map(() => null);
  const rows = prepare<[string], PartRow>(
    library.db,
    `WITH asked AS (
       SELECT value ->> 0 AS nth, value ->> 1 AS document_id, value ->> 2 AS offset FROM json_each(?)
     )
     SELECT a.nth, p.kind, p.ordinal, p.label, p.start_offset, p.end_offset
     FROM asked a JOIN document_parts p ON p.document_id = a.document_id
     WHERE p.start_offset <= a.offset AND p.end_offset >= a.offset
       AND (p.end_offset > a.offset OR NOT EXISTS (
         SELECT 1 FROM document_parts later WHERE later.document_id = p.document_id
           AND later.start_offset >= p.end_offset AND later.end_offset > later.start_offset))
     ORDER BY a.nth, p.start_offset, p.ordinal`,
  ).all(JSON.stringify(asked));
  const touching = new Map<number, DocumentPart[]>();
  for (const row of rows) {
    const parts = touching.get(row.nth) ?? [];
    parts.push({ kind: row.kind, ordinal: row.ordinal, label: row.label, startOffset: row.start_offset, endOffset: row.end_offset });
    touching.set(row.nth, parts);
  }
  return points.map((point, nth) => {
    const part = point.offset === null ? null : partAt(touching.get(nth) ?? [], point.offset);
    return part ? citePart(part) : null;
  });
}
