/**
 * The keys of a menu button (the WAI-ARIA menu pattern) and what each does, apart from React, so
 * every menu in the app answers the keyboard the same way.
 */

/** What a key pressed inside an open menu does. */
export type MenuKeyAction = { kind: 'move'; to: number } | { kind: 'close'; refocus: boolean } | null;

/**
 * Arrows step and wrap round, Home and End go to the ends, and Page keys (for a menu long enough
 * to give `pageStep`) a page at a time without wrapping. Escape closes and gives focus back to the
 * button; Tab closes and lets focus go on its way. Null for any other key.
 */
export function menuKeyAction(key: string, active: number, count: number, pageStep?: number): MenuKeyAction {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', to: active >= last ? 0 : active + 1 };
    case 'ArrowUp':
      return { kind: 'move', to: active <= 0 ? last : active - 1 };
    case 'Home':
      return { kind: 'move', to: 0 };
    case 'End':
      return { kind: 'move', to: last };
    case 'PageDown':
      return pageStep === undefined ? null : { kind: 'move', to: Math.min(last, active + pageStep) };
    case 'PageUp':
      return pageStep === undefined ? null : { kind: 'move', to: Math.max(0, active - pageStep) };
    case 'Escape':
      return { kind: 'close', refocus: true };
    case 'Tab':
      return { kind: 'close', refocus: false };
    default:
      return null;
  }
}

/** The item an arrow on the closed menu's button opens it at: Down the first, Up the last. */
export function openingItem(key: string, count: number): number | null {
  if (key === 'ArrowDown') return 0;
  if (key === 'ArrowUp') return count - 1;
  return null;
}
