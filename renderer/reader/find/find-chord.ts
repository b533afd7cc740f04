import { isMacPlatform, type KeyChord } from '../../highlights/undo-delete';

export const FIND_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);
export const FIND_SHORTCUT_ARIA = FIND_MAC ? 'Meta+F' : 'Control+F';

/** Ctrl+F (Cmd+F on macOS), with no other modifier. */
export function isFindChord(event: KeyChord, mac: boolean): boolean {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && !event.shiftKey && !event.altKey && (event.key.toLowerCase() === 'f' || event.code === 'KeyF');
}
