import type { Highlight, HighlightColour } from '../../common/records';
import type { Library } from '../db/library';
import { FieldbookError } from '../errors';
import { describeRange } from './anchor';
import { splitsCodePoint } from '../text/code-points';
import { getHighlight, insertHighlight } from './highlight-repo';
import { documentText } from '../documents/document-body';

/** Selectors are derived here from the stored text, never trusted from the caller. */
export function createHighlight(
  library: Library,
  input: { documentId: number; start: number; end: number; colour: HighlightColour; comment?: string },
): Highlight {
  const text = documentText(library, input.documentId);
  if (text === null) throw new FieldbookError('not_found', `There is no document with id ${input.documentId}.`);
  if (input.end > text.length) {
    throw new FieldbookError('invalid_input', `The highlight ends at ${input.end}, past the end of the document (${text.length}).`);
  }
  for (const [edge, offset] of [['starts', input.start], ['ends', input.end]] as const) {
    if (splitsCodePoint(text, offset)) {
      const character = text.slice(offset - 1, offset + 1);
      throw new FieldbookError(
        'invalid_input',
        `The highlight ${edge} at ${offset}, inside the character “${character}” (offsets ${offset - 1}–${offset + 1}); it must ${edge === 'starts' ? 'start' : 'end'} before or after it.`,
      );
    }
  }
  if (text.slice(input.start, input.end).trim().length === 0) {
    throw new FieldbookError('invalid_input', 'A highlight must contain some text, not only spaces.');
  }
  const id = insertHighlight(library, input.documentId, describeRange(text, input.start, input.end), input.colour, input.comment ?? '');
  return getHighlight(library, id);
}
