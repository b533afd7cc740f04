/**
 * Offsets count UTF-16 code units, so an offset can fall between the two halves of a character
 * outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph). A quote cut there holds a
 * lone surrogate, which SQLite stores as U+FFFD: the stored quote would no longer be the text.
 */
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when `offset` falls inside one character, between its two code units. */
export function splitsCodePoint(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** The range widened, where needed, to whole characters. */
export function wholeCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return { start: splitsCodePoint(text, start) ? start - 1 : start, end: splitsCodePoint(text, end) ? end + 1 : end };
}

/** The first `length` code units, or one fewer where the cut would halve a character: for excerpts. */
export function headOf(text: string, length: number): string {
  return text.slice(0, splitsCodePoint(text, length) ? length - 1 : length);
}

/**
 * Each UTF-16 offset into `text` as a count of Unicode code points, as REFI-QDA counts positions
 * (an emoji is one, a letter and its combining accent are two). One pass over the text, however
 * many offsets are asked, so a book with thousands of highlights costs one walk.
 */
export function codePointOffsets(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const offset of wanted) {
    const target = Math.min(offset, text.length);
    while (unit < target) {
      const code = text.charCodeAt(unit);
      unit += isHighSurrogate(code) && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
      points++;
    }
    found.set(offset, points);
  }
  return found;
}

/**
 * The inverse of codePointOffsets: each position counted in code points (as another REFI-QDA tool
 * writes it) as a UTF-16 offset into `text`, or undefined for a position past its end. One pass.
 */
export function utf16Offsets(text: string, points: readonly number[]): Map<number, number | undefined> {
  const wanted = [...new Set(points)].sort((a, b) => a - b);
  const found = new Map<number, number | undefined>();
  let unit = 0;
  let counted = 0;
  for (const point of wanted) {
    while (counted < point && unit < text.length) {
      const code = text.charCodeAt(unit);
      unit += isHighSurrogate(code) && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
      counted++;
    }
    found.set(point, counted === point ? unit : undefined);
  }
  return found;
}
