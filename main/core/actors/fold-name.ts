/**
 * How Fieldbook compares names: case, diacritics and the kind of apostrophe or dash don't matter
 * ("AQMI" vs "aqmi", "Libération" vs "liberation", "l’Azawad" vs "l'Azawad").
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

export function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase();
}

/** The key a name is unique by: folded, with spacing and punctuation between words ignored. */
export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

export function wordsOf(text: string): string[] {
  return foldCharacters(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * What makes two actors' names the same name: spacing aside, exactly the same. "Aqim" next to
 * "AQIM" is allowed, as it happens in real registries, and is what merging is for.
 */
export function exactNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
