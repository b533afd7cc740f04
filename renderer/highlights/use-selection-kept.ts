import { useCallback, useEffect, useState, type RefObject } from 'react';
import { supportsCustomHighlights } from './paint-highlights';
import { textMapOf, type TextSpan } from './text-offsets';

const PENDING_HIGHLIGHT = 'fb-pending';

/**
 * For a field in the selection toolbar (Actor, Theme). Typing in it takes the browser's selection
 * away from the text, so while it has focus the words stay marked with a highlight of their own;
 * and its list opens upwards when the toolbar is above the words, so as not to hide them.
 */
export function useSelectionKept(articleRef: RefObject<HTMLElement | null>, span: TextSpan) {
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    const root = articleRef.current;
    if (!focused || !root || !supportsCustomHighlights()) return;
    const range = textMapOf(root).rangeOf(span.start, span.end);
    if (!range) return;
    const pending = new Highlight(range);
    pending.priority = 4;
    CSS.highlights.set(PENDING_HIGHLIGHT, pending);
    return () => {
      CSS.highlights.delete(PENDING_HIGHLIGHT);
    };
  }, [focused, articleRef, span.start, span.end]);

  const preferAbove = useCallback(
    (field: DOMRect) => {
      const root = articleRef.current;
      const words = root ? textMapOf(root).rangeOf(span.start, span.end)?.getBoundingClientRect() : undefined;
      return words !== undefined && field.bottom <= words.top + 1;
    },
    [articleRef, span.start, span.end],
  );

  return { preferAbove, onFocus: () => setFocused(true), onBlur: () => setFocused(false) };
}
