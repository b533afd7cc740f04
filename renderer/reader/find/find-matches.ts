import { foldCharacters } from '../../../main/common/fold-text';
import type { TextSpan } from '../../highlights/text-offsets';

/*
 * Find in document compares folded text: case, diacritics and the kind of apostrophe, quote or
 * dash don't matter ("liberation" finds "Libération", "l'Azawad" finds "l’Azawad"). Folding can
 * drop characters (combining marks) or turn one into several, so every folded character keeps
 * where its source character sits in the document's text: matches land on the true offsets.
 */

/** The folded form of one character (one code point): possibly empty, possibly several characters. */
export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  // Most text is ASCII; normalising it would change nothing and cost a lot on a long document.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character;
  return foldCharacters(character);
}

export function foldText(text: string): string {
  let folded = '';
  for (const character of text) folded += foldCharacter(character);
  return folded;
}

export interface FoldedText {
  folded: string;
  /** For each folded character, where its source character starts in the original text. */
  starts: Uint32Array;
  /** For each folded character, where its source character (and any marks folded away after it) ends. */
  ends: Uint32Array;
}

export function foldWithOffsets(text: string): FoldedText {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of text) {
    const next = offset + character.length;
    const folded = foldCharacter(character);
    if (folded.length === 0) {
      // A mark folded away (decomposed text): it belongs to the letter before it, so a match takes it along.
      if (ends.length > 0) ends[ends.length - 1] = next;
    } else {
      pieces.push(folded);
      for (let i = 0; i < folded.length; i++) {
        starts.push(offset);
        ends.push(next);
      }
    }
    offset = next;
  }
  return { folded: pieces.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Every place the query occurs in the text, in order and without overlaps, as offsets into the original text. */
export function findMatches(text: FoldedText, query: string): TextSpan[] {
  const needle = foldText(query);
  if (needle.trim().length === 0) return [];
  const matches: TextSpan[] = [];
  let from = 0;
  for (;;) {
    const at = text.folded.indexOf(needle, from);
    if (at < 0) break;
    const last = at + needle.length - 1;
    const start = text.starts[at]!;
    const end = text.ends[last]!;
    // A character that folds into several can be matched in part; the match still covers all of it.
    if (matches.length === 0 || start >= matches.at(-1)!.end) matches.push({ start, end });
    from = at + needle.length;
  }
  return matches;
}

/** The match to show first: the first one at or after the given offset, wrapping round to the first of all. */
export function firstMatchFrom(matches: readonly TextSpan[], offset: number): number {
  if (matches.length === 0) return -1;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (matches[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low < matches.length ? low : 0;
}

/** One step forwards or backwards through the matches, round from the last to the first and back. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** What the count says: "3 of 17", or "No matches". Empty while nothing is being looked for. */
export function describeMatches(current: number, count: number, query: string): string {
  if (foldText(query).trim().length === 0) return '';
  if (count === 0) return 'No matches';
  return `${current + 1} of ${count}`;
}
