/**
 * A view of a text in which the differences that don't change meaning are gone: typographic
 * quotes and dashes read as their plain forms, and any run of whitespace as one space. Each
 * character keeps the offset it came from, so a match found here maps back to the original.
 */
export interface MatchingText {
  text: string;
  /** offsets[i] is the original offset of text[i]; offsets[text.length] is the original length. */
  offsets: Int32Array;
}

const EQUIVALENT: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2026': '.', '\u00A0': ' ', '\u202F': ' ',
};
const WHITESPACE = /\s/;

export function toMatchingText(original: string): MatchingText {
  const chars: string[] = [];
  const offsets = new Int32Array(original.length + 1);
  let length = 0;
  let previousWasSpace = false;
  for (let i = 0; i < original.length; i++) {
    const raw = original[i]!;
    const ch = EQUIVALENT[raw] ?? raw;
    if (WHITESPACE.test(ch)) {
      if (previousWasSpace) continue;
      previousWasSpace = true;
      chars.push(' ');
    } else {
      previousWasSpace = false;
      chars.push(ch);
    }
    offsets[length++] = i;
  }
  offsets[length] = original.length;
  return { text: chars.join(''), offsets: offsets.subarray(0, length + 1) };
}

/** The original range covered by matching-text range [start, end). */
export function toOriginalRange(view: MatchingText, start: number, end: number): { start: number; end: number } {
  const originalEnd = end > start ? view.offsets[end - 1]! + 1 : view.offsets[end]!;
  return { start: view.offsets[start]!, end: originalEnd };
}
