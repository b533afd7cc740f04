import { isPrimaryChord, ON_MAC, type KeyChord } from '../../keyboard/chords';

export const FIND_SHORTCUT_ARIA = ON_MAC ? 'Meta+F' : 'Control+F';

/** Ctrl+F (Cmd+F on macOS), with no other modifier. */
export const isFindChord = (event: KeyChord, mac: boolean): boolean => isPrimaryChord(event, 'f', mac);
