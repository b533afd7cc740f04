import { useEffect, useRef } from 'react';
import type { Highlight } from '../../main/common/records';
import type { TextSpan } from '../highlights/text-offsets';

/**
 * #/document/ID/highlight/HID opens the document at that passage: once the article and its
 * highlights are there, the passage is scrolled to and flashed (as "Go to highlight" does), and its
 * card brought into view. Once per route, so later edits to the list never yank the page back.
 */
export function usePassageFromRoute(
  documentId: number | null,
  highlightId: number | undefined,
  highlights: readonly Highlight[] | null,
  renderCount: number,
  goTo: (highlight: Highlight) => void,
  showCard: (id: number) => void,
): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (documentId === null || highlightId === undefined || highlights === null || renderCount === 0) return;
    const key = `${documentId}:${highlightId}`;
    if (done.current === key) return;
    done.current = key;
    const target = highlights.find((h) => h.id === highlightId);
    if (!target || target.status === 'orphaned') return;
    goTo(target);
    showCard(target.id);
  }, [documentId, highlightId, highlights, renderCount, goTo, showCard]);
}

/**
 * #/document/ID/at/START-END opens the document at those words (a mention listed on an actor's
 * page): scrolled to and flashed once the article is there, once per route.
 */
export function useWordsFromRoute(documentId: number | null, at: TextSpan | undefined, renderCount: number, goTo: (span: TextSpan) => void): void {
  const done = useRef<string | null>(null);
  const start = at?.start;
  const end = at?.end;
  useEffect(() => {
    if (documentId === null || start === undefined || end === undefined || renderCount === 0) return;
    const key = `${documentId}:${start}-${end}`;
    if (done.current === key) return;
    done.current = key;
    goTo({ start, end });
  }, [documentId, start, end, renderCount, goTo]);
}
