import { setHighlight, supportsCustomHighlights } from '../../highlights/paint-highlights';
import type { TextMap, TextSpan } from '../../highlights/text-offsets';

/*
 * Find marks are painted like highlights (CSS Custom Highlight API, styled in find.css), so the
 * document's DOM is never touched. Their priorities sit above every highlight layer and the flash,
 * so a match stays visible inside a highlighted passage.
 */
export const FIND_HIGHLIGHT = 'fb-find';
export const FIND_CURRENT_HIGHLIGHT = 'fb-find-current';

/** Marks every match, and the current one apart; returns the current match's range, if it could be placed. */
export function paintFind(index: TextMap, matches: readonly TextSpan[], current: number): Range | null {
  if (!supportsCustomHighlights()) {
    const match = matches[current];
    return match ? index.rangeOf(match.start, match.end) : null;
  }
  const all: Range[] = [];
  let currentRange: Range | null = null;
  for (let position = 0; position < matches.length; position++) {
    const range = index.rangeOf(matches[position]!.start, matches[position]!.end);
    if (!range) continue;
    if (position === current) currentRange = range;
    else all.push(range);
  }
  setHighlight(FIND_HIGHLIGHT, all, 4);
  setHighlight(FIND_CURRENT_HIGHLIGHT, currentRange ? [currentRange] : [], 5);
  return currentRange;
}

export function clearFind(): void {
  if (!supportsCustomHighlights()) return;
  CSS.highlights.delete(FIND_HIGHLIGHT);
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
}
