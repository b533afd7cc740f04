/**
 * How Fieldbook compares words, the same in the core (mentions, search, actor names) and on the
 * page (the actor typeahead, the note typeahead, find in document): case, diacritics and the
 * kind of apostrophe, quote or dash don't matter ("AQMI" and "aqmi", "Libération" and
 * "liberation", "l’Azawad" and "l'Azawad"). Pure functions with no Node import, so the renderer
 * may import it, like the rest of main/common/.
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032`´]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00A0\u2007\u202F]/g;
const MARKS = /\p{M}+/gu;

export function foldCharacters(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(APOSTROPHES, "'")
      .replace(QUOTES, '"')
      .replace(DASHES, '-')
      .replace(SPACES, ' ')
      .toLowerCase()
      // Lower-casing can itself produce a combining mark ("İ" becomes "i" and a dot above).
      .normalize('NFD')
      .replace(MARKS, '')
  );
}

/** A name reduced to its folded words: spacing and punctuation between words don't matter either. */
export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

export function wordsOf(text: string): string[] {
  return foldCharacters(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
