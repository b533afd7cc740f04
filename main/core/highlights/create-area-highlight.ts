import { withinPage } from '../../common/highlight-area';
import type { Highlight, HighlightArea, HighlightColour } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { getHighlight, insertAreaHighlight } from './highlight-repo';

/**
 * Highlights a rectangle on a PDF's page. The door has checked the rectangle's shape (see
 * HighlightAreaInput); here it must be on a page the document has. A scan takes areas too: they
 * are the only way to mark one, since it has no text.
 */
export function createAreaHighlight(
  library: Library,
  input: { documentId: number; area: HighlightArea; colour: HighlightColour; comment?: string | undefined },
): Highlight {
  const { documentId } = input;
  const document = prepare<[number], { title: string; media_type: string | null; page_count: number }>(
    library.db,
    `SELECT d.title, f.media_type, (SELECT count(*) FROM document_parts WHERE document_id = d.id AND kind = 'page') AS page_count
     FROM documents d LEFT JOIN document_files f ON f.document_id = d.id WHERE d.id = ?`,
  ).get(documentId);
  if (!document) throw new FieldbookError('not_found', `There is no document with id ${documentId}.`);
  if (document.media_type !== 'application/pdf') throw new FieldbookError('refused', 'Only a PDF’s pages take area highlights.');
  const { page } = input.area;
  const start = prepare<[number, number], { start_offset: number }>(
    library.db,
    "SELECT start_offset FROM document_parts WHERE document_id = ? AND kind = 'page' AND ordinal = ?",
  ).get(documentId, page - 1);
  if (!start) {
    const pages = `${document.page_count} page${document.page_count === 1 ? '' : 's'}`;
    throw new FieldbookError('invalid_input', `“${document.title}” has ${pages}; there is no page ${page} to mark an area on.`);
  }
  const id = insertAreaHighlight(library, documentId, start.start_offset, withinPage(input.area), input.colour, input.comment ?? '');
  return getHighlight(library, id);
}
