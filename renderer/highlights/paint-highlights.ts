import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../main/common/records';
import { textMapOf, type TextSpan } from './text-offsets';

/*
 * Highlights are painted with the CSS Custom Highlight API: ranges registered by name and styled
 * with ::highlight(name) in highlights.css. The document's DOM is never wrapped or split, so its
 * textContent (and every stored offset) stays exactly the document's text.
 */

export interface PaintedHighlight extends TextSpan {
  id: number;
  colour: HighlightColour;
}

export const colourHighlightName = (colour: HighlightColour) => `fb-${colour}`;
/** Where two highlights cover the same words, so the second stays visible even in the same colour. */
export const OVERLAP_HIGHLIGHT = 'fb-overlap';
/** The highlight the reader is working with: just made, or its card in focus. */
export const ACTIVE_HIGHLIGHT = 'fb-active';
export const FLASH_HIGHLIGHT = 'fb-flash';

const ALL_NAMES = [...HIGHLIGHT_COLOURS.map(colourHighlightName), OVERLAP_HIGHLIGHT, ACTIVE_HIGHLIGHT, FLASH_HIGHLIGHT];

export const supportsCustomHighlights = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Spans covered by two or more of the given spans, merged and in order. */
export function overlapSpans(spans: readonly TextSpan[]): TextSpan[] {
  const events: Array<[number, number]> = [];
  for (const { start, end } of spans) {
    if (end <= start) continue;
    events.push([start, 1], [end, -1]);
  }
  // Ends before starts at the same offset: highlights that only touch do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const overlaps: TextSpan[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, change] of events) {
    const before = depth;
    depth += change;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt) {
      const last = overlaps.at(-1);
      if (last && last.end === openedAt) last.end = offset;
      else overlaps.push({ start: openedAt, end: offset });
    }
  }
  return overlaps;
}

/**
 * Registers every highlight's range under its colour's name, replacing what was painted before.
 * Returns how many could not be placed on this DOM (their offsets no longer fit its text).
 */
export function paintHighlights(root: HTMLElement, highlights: readonly PaintedHighlight[], activeId: number | null): number {
  if (!supportsCustomHighlights()) return highlights.length;
  const index = textMapOf(root);
  const byColour = new Map<HighlightColour, Range[]>(HIGHLIGHT_COLOURS.map((colour) => [colour, []]));
  const active: Range[] = [];
  let missed = 0;
  for (const highlight of highlights) {
    const range = index.rangeOf(highlight.start, highlight.end);
    if (!range) {
      missed++;
      continue;
    }
    byColour.get(highlight.colour)?.push(range);
    if (highlight.id === activeId) active.push(range);
  }
  const overlaps = overlapSpans(highlights).flatMap(({ start, end }) => index.rangeOf(start, end) ?? []);
  // Priority orders the layers: colours at the bottom blend, the markers for overlaps and the active one sit above.
  for (const colour of HIGHLIGHT_COLOURS) setHighlight(colourHighlightName(colour), byColour.get(colour)!, 0);
  setHighlight(OVERLAP_HIGHLIGHT, overlaps, 1);
  setHighlight(ACTIVE_HIGHLIGHT, active, 2);
  return missed;
}

/** Paints the ranges under one name in place of what it held; with no ranges the name goes. */
export function setHighlight(name: string, ranges: Range[], priority: number): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

export function clearHighlights(): void {
  if (!supportsCustomHighlights()) return;
  for (const name of ALL_NAMES) CSS.highlights.delete(name);
}

let flashTimers: number[] = [];

/**
 * Makes a passage blink twice so the eye finds it after a jump. With reduced motion it is marked
 * once, steadily, for the same time instead.
 */
export function flashSpan(root: HTMLElement, span: TextSpan): void {
  if (!supportsCustomHighlights()) return;
  const range = textMapOf(root).rangeOf(span.start, span.end);
  for (const timer of flashTimers) window.clearTimeout(timer);
  flashTimers = [];
  if (!range) return;
  const flash = new Highlight(range);
  flash.priority = 3;
  const on = () => CSS.highlights.set(FLASH_HIGHLIGHT, flash);
  const off = () => CSS.highlights.delete(FLASH_HIGHLIGHT);
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const steps: Array<[number, () => void]> = reduceMotion
    ? [[1400, off]]
    : [
        [260, off],
        [420, on],
        [1200, off],
      ];
  on();
  flashTimers = steps.map(([delay, step]) => window.setTimeout(step, delay));
}
