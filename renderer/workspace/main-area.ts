/*
 * The window has two parts a keyboard user moves between: the sidebar's lists and the main area
 * (reader, note or actor page, and the reader's Highlights panel). The skip link and F6 (as in
 * browsers and most desktop apps) jump between them instead of tabbing through every row.
 */

/** Focuses the main area's landmark itself, so the next Tab goes into it and a screen reader names it. */
export function focusMainArea(): boolean {
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return false;
  if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
  main.focus();
  return true;
}

/** Focuses the sidebar's selected view tab, where arrows change the view and Tab enters its list. */
export function focusSidebar(): boolean {
  const tab = document.querySelector<HTMLElement>('.view-tabs [role="tab"][aria-selected="true"]');
  tab?.focus();
  return tab !== null;
}

/** F6 and Shift+F6: from the sidebar to the main area and back. */
export function cyclePaneFocus(event: KeyboardEvent): void {
  if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
  const inSidebar = document.activeElement?.closest('.sidebar') != null;
  const moved = inSidebar ? focusMainArea() : focusSidebar();
  if (moved) event.preventDefault();
}
