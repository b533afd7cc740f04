import { foldPdfText } from './fold-pdf-text';

/**
 * Where each character of a PDF page's text layer stands in the document's text.
 *
 * The reader selects and paints on pdf.js's text layer, whose text is the page's text items as the
 * PDF spells them; highlights are stored as offsets into the text the core extracted from the same
 * items (main/core/import/pdf): lines joined, spaces collapsed, ligatures and full-width forms
 * folded, hyphens at line ends joined away. Nothing in that text comes from anywhere but the items,
 * in their order, so the two are aligned by walking both once: each visible character of the layer
 * finds its spelling at the next visible place in the document's text, or stands for nothing (a
 * hyphen joined away). Aligning, rather than re-running the core's rules in the window, means a
 * change to those rules can never make the reader and the stored offsets disagree unnoticed.
 */
export interface LayerAlignment {
  /** For the layer's UTF-16 unit i, the document span it stands for; -1 for nothing (a space, a joined hyphen). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const SPACE = /\s/;

/**
 * How far ahead a character may be found when the layer and the text disagree (a character the
 * core's normalisation spelled otherwise): far enough to step over it, not so far that a hyphen
 * joined away could match one three words on.
 */
const RESYNC_WINDOW = 3;

/** Aligns a page's layer text with its range [from, to) of the document's text. */
export function alignLayerText(layer: string, text: string, from: number, to: number): LayerAlignment {
  const starts = new Int32Array(layer.length).fill(-1);
  const ends = new Int32Array(layer.length).fill(-1);
  let cursor = from;
  for (let i = 0; i < layer.length; ) {
    const width = (layer.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const character = layer.slice(i, i + width);
    const found = SPACE.test(character) ? null : place(layer, i, width, text, cursor, to);
    if (found) {
      for (let unit = i; unit < i + width; unit++) {
        starts[unit] = found.start;
        ends[unit] = found.end;
      }
      cursor = found.end;
    }
    i += width;
  }
  return { starts, ends };
}

/**
 * Where the layer's character at `i` is in the text: next, else nothing when the layer's next
 * character is next instead (the character was dropped: a hyphen joined away), else a few
 * characters on (one the core's normalisation spelled otherwise).
 */
function place(layer: string, i: number, width: number, text: string, cursor: number, to: number): { start: number; end: number } | null {
  const character = layer.slice(i, i + width);
  const next = findAhead(character, text, cursor, to, 0);
  if (next) return next;
  let following = i + width;
  while (following < layer.length && SPACE.test(layer.charAt(following))) following++;
  if (following < layer.length) {
    const followingWidth = (layer.codePointAt(following) ?? 0) > 0xffff ? 2 : 1;
    if (findAhead(layer.slice(following, following + followingWidth), text, cursor, to, 0)) return null;
  }
  return findAhead(character, text, cursor, to, RESYNC_WINDOW);
}

function findAhead(character: string, text: string, cursor: number, to: number, window: number): { start: number; end: number } | null {
  const spellings = spellingsOf(character);
  let skipped = 0;
  for (let at = cursor; at < to && skipped <= window; at++) {
    if (SPACE.test(text.charAt(at))) continue;
    for (const spelling of spellings) {
      if (at + spelling.length <= to && text.startsWith(spelling, at)) return { start: at, end: at + spelling.length };
    }
    skipped++;
  }
  return null;
}

/** The ways the core may have written a character: as is, folded as the core folds, or as pdf.js normalises. */
function spellingsOf(character: string): string[] {
  const folded = foldPdfText(character);
  const compatible = character.normalize('NFKC');
  const spellings = [character];
  for (const spelling of [folded, compatible, compatible.trim()]) {
    if (spelling.length > 0 && !spellings.includes(spelling)) spellings.push(spelling);
  }
  return spellings;
}

/** The document span from the layer unit `from` to the unit before `to`: null if none of them stands for text. */
export function alignedSpan(alignment: LayerAlignment, from: number, to: number): { start: number; end: number } | null {
  let first = from;
  while (first < to && alignment.starts[first]! < 0) first++;
  let last = to - 1;
  while (last >= first && alignment.ends[last]! < 0) last--;
  if (first >= to || last < first) return null;
  return { start: alignment.starts[first]!, end: alignment.ends[last]! };
}

/**
 * The layer units [from, to) that stand for the document's span [start, end), or null when none
 * on this page does. Offsets only grow along the layer, so the walk stops at the span's end.
 */
export function layerSpan(alignment: LayerAlignment, start: number, end: number): { from: number; to: number } | null {
  const { starts, ends } = alignment;
  let from = -1;
  let to = -1;
  for (let i = 0; i < starts.length; i++) {
    if (starts[i]! < 0) continue;
    if (from < 0 && ends[i]! > start) from = i;
    if (starts[i]! < end) to = i + 1;
    else break;
  }
  return from >= 0 && to > from ? { from, to } : null;
}
