import { OutlineEntries, type DocumentOutline } from '../../common/document-outline';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';

/** A document's table of contents and how many chapters it has; an article has neither. */
export function documentOutline(library: Library, documentId: number): DocumentOutline {
  const row = prepare<[number], { outline: string | null; chapters: number }>(
    library.db,
    `SELECT f.outline,
       (SELECT count(*) FROM document_parts p WHERE p.document_id = d.id AND p.kind = 'chapter') AS chapters
     FROM documents d LEFT JOIN document_files f ON f.document_id = d.id
     WHERE d.id = ?`,
  ).get(documentId);
  if (!row) throw new FieldbookError('not_found', `There is no document with id ${documentId}.`);
  if (row.outline === null) return { entries: [], chapters: row.chapters };
  const entries = OutlineEntries.safeParse(JSON.parse(row.outline));
  if (!entries.success) throw new FieldbookError('internal', `The table of contents of document ${documentId} is damaged; import the book again to rebuild it.`);
  return { entries: entries.data, chapters: row.chapters };
}
