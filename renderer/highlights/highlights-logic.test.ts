// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { keepReadOnly } from '../reader/read-only-caret';
import { loadLastColour, saveLastColour } from './highlight-colours';
import { overlapSpans } from './paint-highlights';
import { cardQuote, describeReplace } from './quote-text';
import { inReadingOrder } from './use-highlights';
import { isHighlightChord, isTextField, isUndoChord, UndoStack } from './undo-delete';
import type { Highlight } from '../../main/common/records';

const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('overlapSpans', () => {
  it('finds where two or more spans cover the same text', () => {
    expect(overlapSpans([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 30 }])).toEqual([{ start: 5, end: 10 }]);
  });

  it('does not count spans that only touch', () => {
    expect(overlapSpans([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual([]);
  });

  it('merges a run of overlaps into one span', () => {
    expect(overlapSpans([{ start: 0, end: 10 }, { start: 2, end: 6 }, { start: 4, end: 12 }])).toEqual([{ start: 2, end: 10 }]);
  });
});

describe('cardQuote', () => {
  it('reads line breaks as spaces', () => {
    expect(cardQuote('end of one.\n\nStart of  two')).toBe('end of one. Start of two');
  });

  it('cuts a long quote at a word with an ellipsis', () => {
    const quote = cardQuote('word '.repeat(100), 40);
    expect(quote.endsWith('word…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(41);
  });
});

describe('describeReplace', () => {
  it('counts the highlights by how they were placed', () => {
    expect(describeReplace('aqim-v2.html', { exact: 10, approximate: 1, orphaned: 1 })).toBe(
      'Replaced with aqim-v2.html. 12 highlights: 10 placed exactly, 1 placed approximately, 1 orphaned.',
    );
    expect(describeReplace('v2.md', { exact: 1, approximate: 0, orphaned: 0 })).toBe('Replaced with v2.md. 1 highlight: 1 placed exactly.');
    expect(describeReplace('v2.md', { exact: 0, approximate: 0, orphaned: 0 })).toBe('Replaced with v2.md. It had no highlights.');
  });
});

describe('inReadingOrder', () => {
  it('puts placed highlights by position and orphans last', () => {
    const h = (id: number, start: number, status: Highlight['status'] = 'exact') => ({ id, start, end: start + 3, status }) as Highlight;
    expect(inReadingOrder([h(1, 50), h(2, 0, 'orphaned'), h(3, 10)]).map((x) => x.id)).toEqual([3, 1, 2]);
  });
});

describe('shortcuts', () => {
  it('knows Ctrl+Z and Cmd+Z, and not redo', () => {
    expect(isUndoChord(chord('z', { ctrlKey: true }), false)).toBe(true);
    expect(isUndoChord(chord('z', { metaKey: true }), true)).toBe(true);
    expect(isUndoChord(chord('z', { metaKey: true }), false)).toBe(false);
    expect(isUndoChord(chord('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });

  it('knows Ctrl+Shift+H and Cmd+Shift+H', () => {
    expect(isHighlightChord(chord('H', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isHighlightChord(chord('h', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(isHighlightChord(chord('h', { ctrlKey: true }), false)).toBe(false);
  });

  it('leaves Ctrl+Z to text fields but not to the read-only article', () => {
    const textarea = document.createElement('textarea');
    const article = document.createElement('article');
    article.contentEditable = 'true';
    article.setAttribute('data-caret-only', '');
    const button = document.createElement('button');
    document.body.replaceChildren(textarea, article, button);
    expect(isTextField(textarea)).toBe(true);
    expect(isTextField(button)).toBe(false);
    expect(isTextField(article)).toBe(false);
  });
});

describe('UndoStack', () => {
  it('gives back the most recent deletion first', () => {
    const stack = new UndoStack<number>().push(1).push(2);
    expect(stack.peek()).toBe(2);
    expect(stack.pop().peek()).toBe(1);
    expect(stack.without((n) => n === 2).size).toBe(1);
  });
});

describe('last colour', () => {
  it('defaults to yellow and remembers a choice', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLastColour(storage)).toBe('yellow');
    saveLastColour('purple', storage);
    expect(loadLastColour(storage)).toBe('purple');
    store.set('fieldbook.lastHighlightColour', 'mauve');
    expect(loadLastColour(storage)).toBe('yellow');
  });
});

describe('keepReadOnly', () => {
  it('refuses input and puts the text back after a change it could not stop', async () => {
    const html = '<p>One <em>two</em></p>';
    const article = document.createElement('article');
    article.innerHTML = html;
    document.body.replaceChildren(article);
    let restored = 0;
    const guard = keepReadOnly(article, {
      restore: () => {
        article.innerHTML = html;
        restored++;
      },
    });
    const input = new Event('beforeinput', { cancelable: true });
    article.dispatchEvent(input);
    expect(input.defaultPrevented).toBe(true);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    article.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    (article.querySelector('em')!.firstChild as Text).data = 'changed';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(article.innerHTML).toBe(html);
    expect(restored).toBe(1);
    guard.release();
  });

  it('leaves alone the changes the reader says are its own', async () => {
    const article = document.createElement('article');
    article.innerHTML = '<p>One</p>';
    document.body.replaceChildren(article);
    let restored = 0;
    const guard = keepReadOnly(article, { restore: () => restored++ });
    article.append(Object.assign(document.createElement('p'), { textContent: 'Two' }));
    guard.forgetChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(article.textContent).toBe('OneTwo');
    expect(restored).toBe(0);
    guard.release();
  });
});
