import type { Highlight, HighlightColour } from '../../api';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { describeRange } from './anchor';
import { getHighlight, insertHighlight } from './highlight-repo';

/** Selectors are derived here from the stored text, never trusted from the caller. */
export function createHighlight(
  library: Library,
  input: { documentId: number; start: number; end: number; colour: HighlightColour; comment?: string },
): Highlight {
  const row = prepare<[number], { text: string }>(library.db, 'SELECT text FROM documents WHERE id = ?').get(input.documentId);
  if (!row) throw new FieldbookError('not_found', `There is no document with id ${input.documentId}.`);
  if (input.end > row.text.length) {
    throw new FieldbookError('invalid_input', `The highlight ends at ${input.end}, past the end of the document (${row.text.length}).`);
  }
  if (row.text.slice(input.start, input.end).trim().length === 0) {
    throw new FieldbookError('invalid_input', 'A highlight must contain some text, not only spaces.');
  }
  const id = insertHighlight(library, input.documentId, describeRange(row.text, input.start, input.end), input.colour, input.comment ?? '');
  return getHighlight(library, id);
}
