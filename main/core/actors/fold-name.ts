import { foldCharacters } from '../text/word-tokens';

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
