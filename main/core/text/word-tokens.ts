import { foldCharacters } from '../../common/fold-text';

const WORD = /[\p{L}\p{N}\p{M}]+/u;
const PLAIN_ASCII = /^\p{ASCII}*$/u;

export interface WordToken {
  /** Folded. */
  word: string;
  start: number;
  end: number;
}

/**
 * The words of a text with their offsets in it. Each word is folded on its own, so offsets stay
 * true however much the folding removes. Words repeat, so each distinct one is folded once.
 */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const token of eachWord(text)) tokens.push(token);
  return tokens;
}

/** The same words one at a time, for callers that stop at the first one they want. */
export function* eachWord(text: string): Generator<WordToken> {
  const folded = new Map<string, string>();
  // A regex of its own: a shared global one would carry lastIndex between interleaved walks.
  const words = new RegExp(WORD.source, 'gu');
  for (let match = words.exec(text); match; match = words.exec(text)) {
    const raw = match[0];
    let word = folded.get(raw);
    if (word === undefined) {
      word = PLAIN_ASCII.test(raw) ? raw.toLowerCase() : foldCharacters(raw);
      folded.set(raw, word);
    }
    if (word.length > 0) yield { word, start: match.index, end: match.index + raw.length };
  }
}
