import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_QUOTE_NODE, type NoteBody } from '../../main/common/note-format';
import { withQuoteAppended } from './note-body';

const quote = { highlightUid: 'highlight-4', documentUid: 'document-2', documentTitle: 'An article', quote: 'A passage.' };
const body = (children: unknown[]) => ({ root: { type: 'root', version: 1, children } }) as unknown as NoteBody;
const paragraph = (text: string) => ({ type: 'paragraph', version: 1, children: text ? [{ type: 'text', version: 1, text }] : [] });

describe('withQuoteAppended', () => {
  it('puts the quote before a trailing empty line, so writing goes on below it', () => {
    const next = withQuoteAppended(body([paragraph('Hello'), paragraph('')]), quote);
    expect(next.root.children.map((child) => child.type)).toEqual(['paragraph', HIGHLIGHT_QUOTE_NODE, 'paragraph']);
    expect(next.root.children[1]).toEqual({ type: HIGHLIGHT_QUOTE_NODE, version: 1, ...quote });
  });

  it('adds an empty line after the quote when the note ends in text', () => {
    const next = withQuoteAppended(body([paragraph('Hello')]), quote);
    expect(next.root.children.map((child) => child.type)).toEqual(['paragraph', HIGHLIGHT_QUOTE_NODE, 'paragraph']);
  });

  it('leaves the body it was given as it was', () => {
    const original = body([paragraph('Hello')]);
    withQuoteAppended(original, quote);
    expect(original.root.children).toHaveLength(1);
  });
});
