import { textMapOf, type TextSpan } from '../../highlights/text-offsets';
import { fillText } from '../chunked-article';

/** How a jump moves the reader: smoothly, unless the person asked for less motion or it is a long way. */
const behaviour = (distance: number, viewHeight: number): ScrollBehavior =>
  window.matchMedia('(prefers-reduced-motion: reduce)').matches || Math.abs(distance) > 2 * viewHeight ? 'instant' : 'smooth';

/** Frames after a long jump in which the view is put right, should the chunks around the words take other room than estimated. */
const SETTLE_FRAMES = 4;

/** Where the range's first line goes: a third of the way down (words with what leads up to them), or at the top. */
type Placement = 'third' | 'top';
const TOP_MARGIN = 8;
const lineAt = (placement: Placement, viewHeight: number) => (placement === 'top' ? TOP_MARGIN : viewHeight / 3);

/**
 * Scrolls the reader so the range's first line sits a third of the way down (or, for a place to go
 * on reading from, at the top). With `onlyIfHidden`, a range already comfortably on screen stays
 * put, so stepping through matches on one screen doesn't make the page jump about.
 */
export function scrollRangeIntoView(scroller: HTMLElement, range: Range, { onlyIfHidden = false, at = 'third' as Placement } = {}): void {
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  // The find bar floats over the top of the pane; a match under it is not really in view.
  const margin = Math.min(96, view.height / 6);
  if (onlyIfHidden && box.top >= view.top + margin && box.bottom <= view.bottom - margin / 2) return;
  const distance = box.top - view.top - lineAt(at, view.height);
  const how = at === 'top' ? 'instant' : behaviour(distance, view.height);
  scroller.scrollTo({ top: Math.max(0, scroller.scrollTop + distance), behavior: how });
  if (how === 'instant') settle(scroller, range, at, SETTLE_FRAMES);
}

/**
 * A long jump lands among chunks of a book not laid out before, whose room was estimated; as they
 * are laid out the words can move, so the view follows them for a few frames.
 */
function settle(scroller: HTMLElement, range: Range, at: Placement, frames: number): void {
  if (frames === 0) return;
  requestAnimationFrame(() => {
    if (!range.startContainer.isConnected) return;
    const box = range.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const off = box.top - view.top - lineAt(at, view.height);
    if (Math.abs(off) > 4 && scroller.scrollTop + off > 0) scroller.scrollTo({ top: scroller.scrollTop + off, behavior: 'instant' });
    settle(scroller, range, at, frames - 1);
  });
}

/** The range over these words of the article, putting their part of a long document on the page first if need be. */
export function rangeOfSpan(article: HTMLElement, span: TextSpan): Range | null {
  fillText(article, span.start, span.end);
  return textMapOf(article).rangeOf(span.start, span.end);
}
