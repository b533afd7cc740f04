import { isPrimaryChord, ON_MAC, type KeyChord } from '../keyboard/chords';

/*
 * The dialog is mounted once, in App; whatever offers search elsewhere (the sidebar's button)
 * asks for it here instead of threading a callback through every pane in between.
 */
const listeners = new Set<() => void>();

export function openSearch(): void {
  for (const listener of listeners) listener();
}

export function onOpenSearch(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const SEARCH_SHORTCUT = ON_MAC ? '⌘K' : 'Ctrl+K';
export const SEARCH_SHORTCUT_ARIA = ON_MAC ? 'Meta+K' : 'Control+K';

/** Ctrl+K (Cmd+K on macOS), with no other modifier. */
export const isSearchChord = (event: KeyChord, mac: boolean): boolean => isPrimaryChord(event, 'k', mac);
