/**
 * Words as Fieldbook compares them: case, diacritics and the kind of apostrophe or dash don't
 * matter ("AQMI" vs "aqmi", "Libération" vs "liberation", "l’Azawad" vs "l'Azawad").
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase();
}

export interface WordToken {
  /** Folded. */
  word: string;
  start: number;
  end: number;
}

/**
 * The words of a text with their offsets in it. Each word is folded on its own, so offsets stay
 * true however much the folding removes.
 */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isWord = i < text.length && WORD_CHAR.test(text[i]!);
    if (isWord && start === -1) start = i;
    if (!isWord && start !== -1) {
      const word = foldCharacters(text.slice(start, i));
      if (word.length > 0) tokens.push({ word, start, end: i });
      start = -1;
    }
  }
  return tokens;
}
