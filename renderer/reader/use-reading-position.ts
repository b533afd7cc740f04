import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { api } from '../api/client';
import { revealWaitingFor } from './find/pending-reveal';
import { rangeOfSpan, scrollRangeIntoView } from './find/reveal-span';
import { textOffsetAtPoint } from './text-at-point';

/** Scrolling has stopped when nothing moved for this long: then the place is saved. */
const SETTLED_MS = 500;
/** Near the very top, the place is the start: the title and its details are not a place in the text. */
const AT_START_PX = 40;

interface Options {
  documentId: number | null;
  articleRef: RefObject<HTMLElement | null>;
  paneRef: RefObject<HTMLElement | null>;
  /** The document was opened at a passage (a highlight in the route): that wins over where it was left. */
  openedAtPassage: boolean;
}

/**
 * A document opens where it was left: the offset of the text at the top of the view is saved each
 * time scrolling stops, and put back when the document is opened again, here or after a restart.
 * Must run before the reader's reveal of search results, so it can tell when one is waiting.
 */
export function useReadingPosition({ documentId, articleRef, paneRef, openedAtPassage }: Options): void {
  // Documents whose place is settled (put back, or never saved): until then, scrolling saves nothing.
  const settled = useRef(new Set<number>());

  useLayoutEffect(() => {
    if (documentId === null) return;
    settled.current.delete(documentId);
    if (openedAtPassage || revealWaitingFor(documentId)) {
      settled.current.add(documentId);
      return;
    }
    let current = true;
    // A click or a key in the text before the place comes back is aimed at what is on screen: the
    // text must not jump from under it.
    let acted = false;
    const act = () => {
      acted = true;
    };
    const watched = paneRef.current;
    watched?.addEventListener('pointerdown', act);
    watched?.addEventListener('keydown', act);
    const stopWatching = () => {
      watched?.removeEventListener('pointerdown', act);
      watched?.removeEventListener('keydown', act);
    };
    void api.call('documents.readingPosition', { documentId }).then((result) => {
      stopWatching();
      const article = articleRef.current;
      const pane = paneRef.current;
      if (!current) return;
      settled.current.add(documentId);
      // The person may have started scrolling or acting while the place was on its way: theirs wins,
      // and is the place to keep (their scrolling saved nothing while the place was unsettled).
      if (article && pane && pane.scrollTop > AT_START_PX) {
        const offset = offsetAtTop(article, pane);
        if (offset !== null) void api.call('documents.saveReadingPosition', { documentId, offset });
        return;
      }
      if (!result.ok || result.value.offset === null || !article || !pane || acted) return;
      const range = rangeOfSpan(article, { start: result.value.offset, end: result.value.offset + 1 });
      if (range) scrollRangeIntoView(pane, range, { at: 'top' });
    });
    return () => {
      current = false;
      stopWatching();
    };
  }, [documentId, articleRef, paneRef, openedAtPassage]);

  useEffect(() => {
    const pane = paneRef.current;
    if (documentId === null || !pane) return;
    // Where the view is, followed a frame at a time while scrolling: when the document is left,
    // its article may already hold the next one, so the place must be known before.
    let offset: number | null = null;
    let unsaved = false;
    let frame = 0;
    let pause = 0;
    const follow = () => {
      frame = 0;
      const article = articleRef.current;
      if (!settled.current.has(documentId) || !article) return;
      const now = pane.scrollTop <= AT_START_PX ? 0 : offsetAtTop(article, pane);
      if (now === null || now === offset) return;
      offset = now;
      unsaved = true;
    };
    const save = () => {
      if (!unsaved || offset === null) return;
      unsaved = false;
      void api.call('documents.saveReadingPosition', { documentId, offset });
    };
    const scrolled = () => {
      frame ||= requestAnimationFrame(follow);
      window.clearTimeout(pause);
      pause = window.setTimeout(save, SETTLED_MS);
    };
    pane.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      pane.removeEventListener('scroll', scrolled);
      cancelAnimationFrame(frame);
      window.clearTimeout(pause);
      // Leaving the document (or the reader) mid-pause still keeps the place.
      save();
    };
  }, [documentId, articleRef, paneRef]);
}

/** The offset of the text at the top of the view: the first line the person sees. */
function offsetAtTop(article: HTMLElement, pane: HTMLElement): number | null {
  const view = pane.getBoundingClientRect();
  const column = article.getBoundingClientRect();
  const x = column.left + Math.min(24, column.width / 2);
  // Down the column until a point lands in text (the top may be a gap between paragraphs).
  for (let y = Math.max(view.top, column.top) + 4; y < Math.min(view.bottom, column.bottom); y += 12) {
    const offset = textOffsetAtPoint(article, x, y);
    if (offset !== null) return offset;
  }
  return null;
}
