import type { Picker } from './seeded-random';

/*
 * Ranges of whole words in a document's plain text, as a reader's selection gives them: the
 * offsets highlights.create takes.
 */

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** `wordCount` words from the word at (or after) `at`. */
export function wordRangeAt(body: string, at: number, wordCount: number): { start: number; end: number } {
  let start = Math.min(Math.max(0, at), body.length - 1);
  while (start > 0 && !isSpace(body.charCodeAt(start - 1))) start--;
  while (start < body.length && isSpace(body.charCodeAt(start))) start++;
  if (start >= body.length) start = 0;
  let end = start;
  for (let w = 0; w < wordCount && end < body.length; w++) {
    while (end < body.length && isSpace(body.charCodeAt(end))) end++;
    while (end < body.length && !isSpace(body.charCodeAt(end))) end++;
  }
  return { start, end: Math.max(end, start + 1) };
}

/** Mostly a phrase or a sentence, sometimes one or two words, now and then a long passage. */
export function randomWordCount(pick: Picker): number {
  const roll = pick.random();
  return roll < 0.2 ? pick.int(1, 2) : roll < 0.85 ? pick.int(3, 25) : pick.int(26, 120);
}

export function randomWordRange(pick: Picker, body: string): { start: number; end: number } {
  return wordRangeAt(body, pick.int(0, Math.max(0, body.length - 1)), randomWordCount(pick));
}
