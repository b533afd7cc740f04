// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TextIndex, trimSpan } from './text-offsets';

function article(html: string): HTMLElement {
  const element = document.createElement('article');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

/** The first text node whose data contains the needle, and where the needle starts in it. */
function find(root: Node, needle: string): [Text, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(needle);
    if (at >= 0) return [node as Text, at];
  }
  throw new Error(`no text node holds ${needle}`);
}

const SAMPLE =
  '\n<p>The group <em>moved south</em> in 2012.<sup><a href="#user-content-fn1">[1]</a></sup></p>\n' +
  '<p>Local <a href="https://example.org">leaders</a> objected.</p>\n<p id="user-content-fn1">[1] A note.</p>\n';

describe('TextIndex', () => {
  it('counts the same text as textContent', () => {
    const root = article(SAMPLE);
    expect(new TextIndex(root).length).toBe(root.textContent!.length);
  });

  it('maps a range inside one text node', () => {
    const root = article(SAMPLE);
    const text = root.textContent!;
    const [node, at] = find(root, 'group');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'group'.length);
    const span = new TextIndex(root).spanOf(range);
    expect(text.slice(span.start, span.end)).toBe('group');
  });

  it('maps a range across paragraphs, inline elements and a footnote marker', () => {
    const root = article(SAMPLE);
    const text = root.textContent!;
    const [from, fromAt] = find(root, 'moved');
    const [to, toAt] = find(root, 'leaders');
    const range = document.createRange();
    range.setStart(from, fromAt);
    range.setEnd(to, toAt + 'leaders'.length);
    const span = new TextIndex(root).spanOf(range);
    expect(text.slice(span.start, span.end)).toBe('moved south in 2012.[1]\nLocal leaders');
  });

  it('maps boundary points set on elements rather than text nodes', () => {
    const root = article(SAMPLE);
    const text = root.textContent!;
    const em = root.querySelector('em')!;
    const range = document.createRange();
    range.setStart(em.parentNode!, Array.from(em.parentNode!.childNodes).indexOf(em));
    range.setEnd(em, em.childNodes.length);
    const span = new TextIndex(root).spanOf(range);
    expect(text.slice(span.start, span.end)).toBe('moved south');
  });

  it('clips a range that runs outside the root', () => {
    const root = article(SAMPLE);
    const before = document.createElement('h1');
    before.textContent = 'Title';
    document.body.prepend(before);
    const [to, toAt] = find(root, 'group');
    const range = document.createRange();
    range.setStart(before.firstChild!, 2);
    range.setEnd(to, toAt);
    expect(new TextIndex(root).spanOf(range)).toEqual({ start: 0, end: root.textContent!.indexOf('group') });
    range.setStart(to, toAt);
    range.setEndAfter(document.body.lastChild!);
    document.body.append(document.createTextNode('after'));
    range.setEnd(document.body.lastChild!, 3);
    expect(new TextIndex(root).spanOf(range).end).toBe(root.textContent!.length);
  });

  it('round-trips offsets through a range', () => {
    const root = article(SAMPLE);
    const text = root.textContent!;
    const index = new TextIndex(root);
    for (const [start, end] of [
      [0, text.length],
      [text.indexOf('The'), text.indexOf('objected') + 8],
      [text.indexOf('south'), text.indexOf('[1]') + 3],
      [text.indexOf('[1] A'), text.indexOf('note')],
    ] as const) {
      const range = index.rangeOf(start, end)!;
      expect(range.toString()).toBe(text.slice(start, end));
      expect(index.spanOf(range)).toEqual({ start, end });
    }
  });

  it('starts a range in the node after a boundary and ends it in the node before', () => {
    const root = article('<p>one<em>two</em>three</p>');
    const range = new TextIndex(root).rangeOf(3, 6)!;
    expect(range.startContainer.textContent).toBe('two');
    expect(range.endContainer.textContent).toBe('two');
    expect(range.toString()).toBe('two');
  });

  it('refuses spans that are empty or outside the text', () => {
    const index = new TextIndex(article('<p>abc</p>'));
    expect(index.rangeOf(2, 2)).toBeNull();
    expect(index.rangeOf(1, 4)).toBeNull();
    expect(index.rangeOf(-1, 2)).toBeNull();
  });
});

describe('TextIndex over a chunked article', () => {
  // Chunks one and three are on the page; chunk two (offsets 9 to 20) is not yet. Chunk three ends in a newline.
  const chunked = () =>
    article(
      '<div data-text-start="0" data-text-end="9"><p>One <em>two</em>.</p></div>' +
        '<div data-text-start="9" data-text-end="20"></div>' +
        '<div data-text-start="20" data-text-end="32"><p>Third part.</p>\n</div>',
    );

  it('counts each chunk from its own start, and the whole document’s length', () => {
    const root = chunked();
    const index = new TextIndex(root);
    expect(index.length).toBe(32);
    expect(index.rangeOf(20, 25)!.toString()).toBe('Third');
    expect(index.charAt(26)).toBe('p');
    const [node, at] = find(root, 'part');
    expect(index.offsetOf(node, at)).toBe(26);
  });

  it('places nothing in a chunk not on the page, and puts a point in it at its start', () => {
    const root = chunked();
    const index = new TextIndex(root);
    expect(index.rangeOf(10, 12)).toBeNull();
    expect(index.charAt(12)).toBe('');
    expect(index.offsetOf(root.children[1]!, 0)).toBe(9);
    expect(trimSpan(index, { start: 21, end: 32 })).toEqual({ start: 21, end: 31 });
  });
});

describe('trimSpan', () => {
  it('drops surrounding whitespace and newlines', () => {
    const text = 'one \n two  three\n';
    expect(trimSpan(text, { start: 3, end: 11 })).toEqual({ start: 6, end: 9 });
  });

  it('orders a backwards span', () => {
    expect(trimSpan('abc def', { start: 7, end: 4 })).toEqual({ start: 4, end: 7 });
  });

  it('gives null for whitespace alone', () => {
    expect(trimSpan('a \n\t b', { start: 1, end: 5 })).toBeNull();
    expect(trimSpan('abc', { start: 1, end: 1 })).toBeNull();
  });
});
