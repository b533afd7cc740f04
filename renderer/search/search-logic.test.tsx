import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../main/common/records';
import { searchView, type Answer } from './latest-answer';
import { moveActive, resultGroups } from './result-options';
import { isSearchChord } from './search-opener';
import { snippetPieces, snippetText } from './snippet-pieces';
import { SnippetText } from './SnippetText';

describe('snippetPieces', () => {
  it('reads line breaks and runs of spaces as one space and trims the ends', () => {
    expect(
      snippetPieces([
        { text: '\n  …the emir ', mark: false },
        { text: 'Wadoud', mark: true },
        { text: ' said\n\nthat  ', mark: false },
      ]),
    ).toEqual([
      { text: '…the emir ', mark: false },
      { text: 'Wadoud', mark: true },
      { text: ' said that', mark: false },
    ]);
  });

  it('joins neighbours with the same marking and drops empty pieces', () => {
    expect(
      snippetPieces([
        { text: 'Abdelmalek ', mark: true },
        { text: '', mark: false },
        { text: 'Droukdel', mark: true },
        { text: '', mark: false },
      ]),
    ).toEqual([{ text: 'Abdelmalek Droukdel', mark: true }]);
    expect(snippetPieces([])).toEqual([]);
    expect(snippetText([{ text: ' AQIM ', mark: true }])).toBe('AQIM');
  });
});

describe('SnippetText', () => {
  it('marks matched words and never reads a snippet as markup', () => {
    const html = renderToStaticMarkup(
      <SnippetText
        snippet={[
          { text: 'a <b>bold</b> claim by ', mark: false },
          { text: 'Wadoud', mark: true },
        ]}
      />,
    );
    expect(html).toBe('<span>a &lt;b&gt;bold&lt;/b&gt; claim by <mark>Wadoud</mark></span>');
  });
});

describe('result keyboard navigation', () => {
  it('moves down and up through every result, round from the last to the first', () => {
    expect(moveActive(0, 'ArrowDown', 3)).toBe(1);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 3)).toBe(2);
  });

  it('jumps by pages without going round', () => {
    expect(moveActive(1, 'PageDown', 20)).toBe(6);
    expect(moveActive(18, 'PageDown', 20)).toBe(19);
    expect(moveActive(3, 'PageUp', 20)).toBe(0);
  });

  it('leaves other keys, and an empty list, to the search box', () => {
    expect(moveActive(0, 'ArrowLeft', 3)).toBeNull();
    expect(moveActive(0, 'Home', 3)).toBeNull();
    expect(moveActive(-1, 'ArrowDown', 0)).toBeNull();
  });

  it('orders results by kind, best first within each, skipping empty kinds', () => {
    const results: SearchResults = {
      documents: [],
      highlights: [
        { id: 7, documentId: 1, documentTitle: 'A', colour: 'green', snippet: [], place: 'p. 3' },
        { id: 3, documentId: 1, documentTitle: 'A', colour: 'red', snippet: [], place: null },
      ],
      notes: [{ id: 2, title: 'N', snippet: [] }],
      actors: [{ id: 7, name: 'AQIM', kind: 'group', colour: '#2f6f9f', snippet: [] }],
      themes: [],
      analyses: [{ id: 7, name: 'Who holds Kidal', field: 'hypothesis', label: 'H2', snippet: [] }],
    };
    const groups = resultGroups(results);
    expect(groups.map((group) => group.heading)).toEqual(['Highlights', 'Notes', 'Actors', 'Analyses']);
    expect(groups.flatMap((group) => group.options.map((option) => option.key))).toEqual(['highlight-7', 'highlight-3', 'note-2', 'actor-7', 'analysis-7']);
  });
});

describe('isSearchChord', () => {
  const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('is Ctrl+K, or Cmd+K on macOS', () => {
    expect(isSearchChord(chord('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchChord(chord('k', { metaKey: true }), true)).toBe(true);
    expect(isSearchChord(chord('k', { ctrlKey: true }), true)).toBe(false);
    expect(isSearchChord(chord('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});

describe('what the dialog shows while a question is on its way', () => {
  const results = (title: string): SearchResults => ({
    documents: [{ id: 1, title, snippet: [{ text: title, mark: false }], match: null, place: null }],
    highlights: [],
    notes: [],
    actors: [],
    themes: [],
    analyses: [],
  });
  const answer = (query: string): Answer => ({ key: `k:${query}`, query, results: results(query), error: null });

  it('shows the answer to the query in the box as it is', () => {
    expect(searchView('k:convoy', answer('convoy'), false)).toMatchObject({ results: results('convoy'), pending: false, searching: false });
    expect(searchView('k:convoy', answer('convoy'), true)).toMatchObject({ pending: false, searching: false });
  });

  it('keeps the previous results, marked pending, for a moment only, then says it is searching', () => {
    expect(searchView('k:convoy', answer('con'), false)).toMatchObject({ results: results('con'), pending: true, searching: false });
    expect(searchView('k:convoy', answer('con'), true)).toMatchObject({ results: null, pending: true, searching: true });
    expect(searchView('k:convoy', null, true)).toMatchObject({ results: null, searching: true });
  });

  it('keeps an error with the question it answered, and asks nothing for an empty box', () => {
    const failed: Answer = { key: 'k:con', query: 'con', results: null, error: { code: 'invalid_input', message: 'Too long.' } };
    expect(searchView('k:con', failed, false).error).toEqual(failed.error);
    expect(searchView('k:convoy', failed, false).error).toBeNull();
    expect(searchView(null, answer('convoy'), true)).toMatchObject({ results: null, pending: false, searching: false });
  });
});
