/** The keys of a keyboard event that shortcuts care about (a KeyboardEvent has them all). */
export interface KeyChord {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export const isMacPlatform = (platform: string): boolean => /^(Mac|iPhone|iPad|iPod)/i.test(platform);

/** Whether this page runs on macOS, where Cmd takes the place of Ctrl in every shortcut. */
export const ON_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);

/**
 * Ctrl+letter (Cmd+letter on macOS) with Shift exactly as asked and no other modifier. The letter
 * is matched by key or by physical key, so a non-Latin keyboard layout still triggers it.
 */
export function isPrimaryChord(event: KeyChord, letter: string, mac: boolean, shift = false): boolean {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && event.shiftKey === shift && !event.altKey && (event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`);
}
