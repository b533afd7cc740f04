import { useEffect } from 'react';
import { ON_MAC } from '../keyboard/chords';
import { isTextField, isUndoChord } from './undo-delete';

const MAC = ON_MAC;
export const UNDO_SHORTCUT = MAC ? '⌘Z' : 'Ctrl+Z';
export const UNDO_KEYS = MAC ? 'Meta+Z' : 'Control+Z';

/** Ctrl+Z (Cmd+Z) undoes a deletion anywhere but a text field, where the keys must keep undoing typing. */
export function useUndoShortcut(canUndo: boolean, undo: () => void): void {
  useEffect(() => {
    if (!canUndo) return;
    const keydown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoChord(event, MAC) || isTextField(event.target)) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener('keydown', keydown);
    return () => window.removeEventListener('keydown', keydown);
  }, [canUndo, undo]);
}
