import { describe, expect, it } from 'vitest';
import type { Snippet } from '../../common/records';
import { passageSnippet } from './passage-snippet';
import { translateQuery } from './translate-query';

const show = (snippet: Snippet) => snippet.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');
const snip = (text: string, typed: string, size?: number) => passageSnippet(text, translateQuery(typed), size);

describe('a snippet of one passage', () => {
  it('marks the words sought, compared as the index compares them, and points at the first', () => {
    const text = 'Le Mouvement national de Libération de l’Azawad (MNLA) took Gao.';
    const { snippet, first } = snip(text, 'liberation azawad ');
    expect(show(snippet)).toBe('Le Mouvement national de [Libération] de l’[Azawad] (MNLA) took Gao.');
    expect(text.slice(first!.start, first!.end)).toBe('Libération');
  });

  it('matches only the last word typed as a prefix', () => {
    expect(show(snip('The convoy and the con men.', 'con ').snippet)).toBe('The convoy and the [con] men.');
    expect(show(snip('The convoy and the con men.', 'the con').snippet)).toBe('[The] [convoy] and [the] [con] men.');
  });

  it('shows the window with the most distinct words sought, elided at both ends', () => {
    const text = `The convoy left early. ${'Filler words go here. '.repeat(10)}Later the convoy reached Gao and rested. ${'More filler follows. '.repeat(10)}`;
    const { snippet, first } = snip(text, 'convoy gao ', 8);
    expect(show(snippet)).toBe('…here. Later the [convoy] reached [Gao] and rested…');
    expect(first!.start).toBe(text.indexOf('convoy reached'));
  });

  it('shows the term the passage was chosen for, when one is given', () => {
    const text = `The convoy left Gao, the convoy came back. ${'Filler words go here. '.repeat(10)}Belmokhtar was not with it.`;
    const query = translateQuery('convoy belmokhtar libya ');
    const anchor = query.positiveTerms.find((term) => term.match === '"belmokhtar"');
    const { snippet, first } = passageSnippet(text, query, 8, anchor);
    expect(show(snippet)).toBe('…words go here. [Belmokhtar] was not with it.');
    expect(text.slice(first!.start, first!.end)).toBe('Belmokhtar');
    expect(show(passageSnippet(text, query, 8, { words: ['con'], prefix: true }).snippet)).toBe('The [convoy] left Gao, the [convoy] came back…');
  });

  it('counts offsets in UTF-16 units, past astral characters', () => {
    const text = '😀 🎉 The convoy 🚚 crossed.';
    const { first } = snip(text, 'crossed ');
    expect(text.slice(first!.start, first!.end)).toBe('crossed');
  });

  it('opens the passage when only the title matched', () => {
    expect(snip('No match in this text at all.', 'zebra ', 4)).toEqual({ snippet: [{ text: 'No match in this…', mark: false }], first: null });
    expect(snip('', 'zebra ')).toEqual({ snippet: [], first: null });
  });
});
