import { isMacPlatform, type KeyChord } from '../highlights/undo-delete';

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

export const SEARCH_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);
export const SEARCH_SHORTCUT = SEARCH_MAC ? '⌘K' : 'Ctrl+K';
export const SEARCH_SHORTCUT_ARIA = SEARCH_MAC ? 'Meta+K' : 'Control+K';

/** Ctrl+K (Cmd+K on macOS), with no other modifier. */
export function isSearchChord(event: KeyChord, mac: boolean): boolean {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && !event.shiftKey && !event.altKey && (event.key.toLowerCase() === 'k' || event.code === 'KeyK');
}
