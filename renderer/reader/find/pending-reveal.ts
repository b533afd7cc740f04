import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';
import { flashSpan } from '../../highlights/paint-highlights';
import type { TextSpan } from '../../highlights/text-offsets';
import { rangeOfSpan, scrollRangeIntoView } from './reveal-span';

/*
 * A search result asks for words in a document before that document is open (or while it is):
 * the request waits here until the reader has the document's markup on screen, which the route
 * alone cannot say, and which may not change at all when the document is already open.
 */

interface Reveal {
  documentId: number;
  span: TextSpan;
  askedAt: number;
}

/** A document that never opened (it failed to load) must not jump to old words when opened much later. */
const REVEAL_EXPIRES_MS = 15_000;

let pending: Reveal | null = null;
const listeners = new Set<() => void>();

function publish(next: Reveal | null): void {
  pending = next;
  for (const listener of listeners) listener();
}

/** Once the document is shown: scroll to these words, flash them and put the caret there. */
export function requestReveal(documentId: number, span: TextSpan): void {
  publish({ documentId, span, askedAt: performance.now() });
}

/** Whether words in this document wait to be shown: the document then opens at them, not where it was left. */
export function revealWaitingFor(documentId: number): boolean {
  return pending?.documentId === documentId && performance.now() - pending.askedAt <= REVEAL_EXPIRES_MS;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Carries out a waiting request for the document the reader shows, once its article holds it;
 * or by `showElsewhere` while the document is shown otherwise than as an article (a PDF's pages).
 */
export function useRevealRequests(
  shownId: number | null,
  articleRef: RefObject<HTMLElement | null>,
  scrollerRef: RefObject<HTMLElement | null>,
  showElsewhere: ((span: TextSpan) => void) | null = null,
): void {
  const request = useSyncExternalStore(subscribe, () => pending);
  useLayoutEffect(() => {
    if (showElsewhere && request && request.documentId === shownId) {
      publish(null);
      if (performance.now() - request.askedAt <= REVEAL_EXPIRES_MS) showElsewhere(request.span);
      return;
    }
    const article = articleRef.current;
    const scroller = scrollerRef.current;
    if (!request || request.documentId !== shownId || !article || !scroller) return;
    publish(null);
    if (performance.now() - request.askedAt > REVEAL_EXPIRES_MS) return;
    const range = rangeOfSpan(article, request.span);
    if (!range) return;
    // The caret goes first: moving it can scroll on its own, and the scroll below must have the last word.
    article.focus({ preventScroll: true });
    window.getSelection()?.collapse(range.startContainer, range.startOffset);
    scrollRangeIntoView(scroller, range);
    flashSpan(article, request.span);
  }, [request, shownId, articleRef, scrollerRef, showElsewhere]);
}
