// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../main/common/records';
import { resultGroups } from './result-options';
import { SearchResultsList } from './SearchResultsList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const snippet = [{ text: 'a compiler can produce a ', mark: false }, { text: 'translation', mark: true }];
const results: SearchResults = {
  documents: [
    { id: 1, title: 'Trace-based Just-in-Time Type Specialization', snippet, match: { start: 10, end: 21 }, place: 'p. 4' },
    { id: 2, title: 'Field report', snippet, match: { start: 3, end: 14 }, place: null },
  ],
  highlights: [{ id: 5, documentId: 3, documentTitle: 'Moby-Dick', colour: 'blue', snippet, place: 'Chapter 101. The Decanter.' }],
  notes: [],
  actors: [],
  themes: [],
  analyses: [],
};

/** An option's first line as the eye reads it (hidden words left out) and as a screen reader does (the decoration left out). */
function firstLine(option: Element) {
  const read = (node: Node, skip: (element: Element) => boolean): string =>
    node instanceof Element ? (skip(node) ? '' : [...node.childNodes].map((child) => read(child, skip)).join('')) : (node.textContent ?? '');
  const title = option.firstElementChild!;
  return {
    seen: read(title, (element) => element.classList.contains('visually-hidden')),
    heard: read(title, (element) => element.getAttribute('aria-hidden') === 'true'),
  };
}

describe('a search result’s place', () => {
  it('follows the title of a document’s passage and of a highlight, and is absent for a document without pages', () => {
    act(() =>
      root.render(<SearchResultsList id="results" groups={resultGroups(results)} activeKey={null} stale={false} onActivate={() => {}} onOpen={() => {}} />),
    );
    const [paper, report, highlight] = [...host.querySelectorAll('[role="option"]')].map(firstLine);
    expect(paper).toEqual({ seen: 'Trace-based Just-in-Time Type Specialization· p. 4', heard: 'Trace-based Just-in-Time Type Specialization, p. 4' });
    expect(report).toEqual({ seen: 'Field report', heard: 'Field report' });
    expect(highlight).toEqual({ seen: 'Moby-Dick· Chapter 101. The Decanter.', heard: 'Blue highlight in Moby-Dick, Chapter 101. The Decanter.' });
  });
});
