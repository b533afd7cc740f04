import { useEffect, type RefObject } from 'react';
import type { Highlight } from '../../main/common/records';
import { textOffsetAtPoint } from '../reader/text-at-point';

/**
 * The placed highlight a click at this offset is on: the shortest of those covering it (a passage
 * highlighted inside a longer one is the one aimed at). The caret falls after a character when its
 * right half is clicked, so a click on a highlight's last character counts too.
 */
export function highlightAt(highlights: readonly Highlight[], offset: number): Highlight | null {
  const placed = highlights.filter((h) => h.status !== 'orphaned');
  const covering = placed.filter((h) => h.start <= offset && offset < h.end);
  const candidates = covering.length > 0 ? covering : placed.filter((h) => h.start < offset && offset <= h.end);
  return candidates.reduce<Highlight | null>((best, h) => (!best || h.end - h.start < best.end - best.start ? h : best), null);
}

/**
 * A click on a painted passage opens its card. Painted highlights are not elements (see
 * paint-highlights.ts), so the click is placed in the text; the end of a drag that selected text,
 * and a click on a link, are left alone.
 */
export function useHighlightClicks(
  articleRef: RefObject<HTMLElement | null>,
  /** The document the article shows: the article is put on the page with it, maybe after the highlights came. */
  shownId: number | null,
  highlights: readonly Highlight[] | null,
  onHighlight: (highlight: Highlight) => void,
): void {
  useEffect(() => {
    const article = articleRef.current;
    if (!article || shownId === null || !highlights || highlights.length === 0) return;
    const clicked = (event: MouseEvent) => {
      if (event.button !== 0 || !(window.getSelection()?.isCollapsed ?? true)) return;
      if (event.target instanceof Element && event.target.closest('a[href]')) return;
      const offset = textOffsetAtPoint(article, event.clientX, event.clientY);
      const target = offset === null ? null : highlightAt(highlights, offset);
      if (target) onHighlight(target);
    };
    article.addEventListener('click', clicked);
    return () => article.removeEventListener('click', clicked);
  }, [articleRef, shownId, highlights, onHighlight]);
}
