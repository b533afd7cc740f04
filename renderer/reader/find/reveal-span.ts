/** How a jump moves the reader: smoothly, unless the person asked for less motion. */
const behaviour = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Scrolls the reader so the range's first line sits a third of the way down: the words, with some
 * of what leads up to them. With `onlyIfHidden`, a range already comfortably on screen stays put,
 * so stepping through matches on one screen doesn't make the page jump about.
 */
export function scrollRangeIntoView(scroller: HTMLElement, range: Range, { onlyIfHidden = false } = {}): void {
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  // The find bar floats over the top of the pane; a match under it is not really in view.
  const margin = Math.min(96, view.height / 6);
  if (onlyIfHidden && box.top >= view.top + margin && box.bottom <= view.bottom - margin / 2) return;
  const top = scroller.scrollTop + box.top - view.top - view.height / 3;
  scroller.scrollTo({ top: Math.max(0, top), behavior: behaviour() });
}
