import type { Snippet } from '../../common/records';
import { foldCharacters } from '../../common/fold-text';
import { wordTokens, type WordToken } from '../text/word-tokens';
import type { PositiveTerm, TranslatedQuery } from './translate-query';

export interface PassageSnippet {
  snippet: Snippet;
  /** The first marked word, in the passage's offsets: where the reader should scroll. */
  first: { start: number; end: number } | null;
}

const CONTEXT_BEFORE = 3;

/**
 * A snippet of one passage (at most MAX_PASSAGE characters), made here rather than by FTS5's
 * snippet(): that needs the MATCH set up again for each result, and a prefix ("trib*") set up
 * means merging the word lists of every word it begins, each time. The window of `size` words
 * holding the most distinct query words wins; words are compared folded, as the index does.
 * With an `anchor` (the term this passage was chosen for, when a document holds the words sought
 * in different passages), only windows showing that term compete, so the snippet shows why.
 */
export function passageSnippet(
  text: string,
  query: Pick<TranslatedQuery, 'terms' | 'prefix'>,
  size = 20,
  anchor?: Pick<PositiveTerm, 'words' | 'prefix'>,
): PassageSnippet {
  const tokens = wordTokens(text);
  if (tokens.length === 0) return { snippet: text.trim() ? [{ text: text.trim(), mark: false }] : [], first: null };
  const whole = new Set(query.terms.map((term) => foldCharacters(term)));
  const prefix = query.prefix === null ? null : foldCharacters(query.prefix);
  const termOf = (token: WordToken): string | null =>
    whole.has(token.word) ? token.word : prefix !== null && token.word.startsWith(prefix) ? prefix : null;
  const marked = tokens.map(termOf);
  const isAnchor = anchorTest(anchor);
  // A term found in the title only anchors nothing in the text: then any window may win.
  const anchored = isAnchor !== null && tokens.some(isAnchor);

  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (marked[i] === null || (anchored && !isAnchor(tokens[i]!))) continue;
    const start = Math.max(0, Math.min(i - CONTEXT_BEFORE, tokens.length - size));
    const inWindow = marked.slice(start, start + size).filter((term) => term !== null);
    const score = new Set(inWindow).size * 1_000 + inWindow.length;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  const end = Math.min(tokens.length, best + size);
  const from = best === 0 ? 0 : tokens[best]!.start;
  const to = end === tokens.length ? text.length : tokens[end - 1]!.end;

  const snippet: Snippet = [];
  const plain = (piece: string) => {
    if (piece) snippet.push({ text: piece, mark: false });
  };
  let at = from;
  let first: PassageSnippet['first'] = null;
  for (let i = best; i < end; i++) {
    if (marked[i] === null) continue;
    const token = tokens[i]!;
    plain(text.slice(at, token.start));
    snippet.push({ text: text.slice(token.start, token.end), mark: true });
    first ??= { start: token.start, end: token.end };
    at = token.end;
  }
  plain(text.slice(at, to));
  if (best > 0) snippet.unshift({ text: '…', mark: false });
  if (end < tokens.length) snippet.push({ text: '…', mark: false });
  return { snippet: mergePlain(snippet), first };
}

function anchorTest(anchor: Pick<PositiveTerm, 'words' | 'prefix'> | undefined): ((token: WordToken) => boolean) | null {
  if (!anchor || anchor.words.length === 0) return null;
  const words = anchor.words.map((word) => foldCharacters(word));
  const last = words.at(-1)!;
  const whole = new Set(anchor.prefix ? words.slice(0, -1) : words);
  return (token) => whole.has(token.word) || (anchor.prefix && token.word.startsWith(last));
}

/** Neighbouring unmarked pieces as one, with runs of whitespace as one space, as toSnippet gives them. */
function mergePlain(snippet: Snippet): Snippet {
  const merged: Snippet = [];
  for (const piece of snippet) {
    const text = piece.text.replace(/\s+/g, ' ');
    const last = merged.at(-1);
    if (last && !last.mark && !piece.mark) last.text += text;
    else merged.push({ text, mark: piece.mark });
  }
  if (merged[0] && !merged[0].mark) merged[0].text = merged[0].text.trimStart();
  const tail = merged.at(-1);
  if (tail && !tail.mark) tail.text = tail.text.trimEnd();
  return merged.filter((piece) => piece.text.length > 0);
}
