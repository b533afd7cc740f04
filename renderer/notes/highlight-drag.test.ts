import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_DRAG_TYPE, isHighlightDrag, readDraggedHighlight } from './highlight-drag';

/** Enough of a DataTransfer for reading: what a drop from a card, another app or a file manager carries. */
const carrying = (data: Record<string, string>) => ({ types: Object.keys(data), getData: (type: string) => data[type] ?? '' }) as unknown as DataTransfer;

const uid = '01HZX3K9V8Q2N4M6P7R8S9T0AB';
const passage = { highlightId: 4, highlightUid: uid, documentId: 2, quote: 'Firstly an Al-Qaeda sanctuary' };

describe('reading a dragged highlight', () => {
  it('reads our own drag type, and only it', () => {
    const card = carrying({ [HIGHLIGHT_DRAG_TYPE]: JSON.stringify(passage), 'text/plain': passage.quote });
    expect(isHighlightDrag(card)).toBe(true);
    expect(readDraggedHighlight(card)).toEqual(passage);
  });

  it('leaves text and files from outside alone', () => {
    const text = carrying({ 'text/plain': JSON.stringify(passage) });
    const files = carrying({ Files: '' });
    expect(isHighlightDrag(text)).toBe(false);
    expect(readDraggedHighlight(text)).toBeNull();
    expect(isHighlightDrag(files)).toBe(false);
    expect(readDraggedHighlight(files)).toBeNull();
    expect(readDraggedHighlight(null)).toBeNull();
  });

  it('keeps only the fields it knows', () => {
    const dragged = readDraggedHighlight(carrying({ [HIGHLIGHT_DRAG_TYPE]: JSON.stringify({ ...passage, extra: '<img>' }) }));
    expect(dragged).toEqual(passage);
  });

  it('refuses a payload that is not JSON or lacks what a highlight needs', () => {
    const bad = [
      'not json',
      'null',
      '42',
      JSON.stringify({ ...passage, highlightId: '4' }),
      JSON.stringify({ ...passage, highlightId: 4.5 }),
      JSON.stringify({ ...passage, highlightId: 0 }),
      JSON.stringify({ ...passage, highlightUid: 'two words' }),
      JSON.stringify({ ...passage, documentId: undefined }),
      JSON.stringify({ ...passage, quote: '' }),
    ];
    for (const raw of bad) expect(readDraggedHighlight(carrying({ [HIGHLIGHT_DRAG_TYPE]: raw })), raw).toBeNull();
  });
});
