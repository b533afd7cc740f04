import { useEffect, useState } from 'react';
import { UNDO_NOTICE_MS, isMacPlatform, isTextField, isUndoChord } from '../highlights/undo-delete';
import { dismissDeletedNotice, undoDeleteNote, useDeletedNotes } from './deleted-notes';
import { displayTitle } from './notes-store';

const MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);

/**
 * "Note deleted. Undo", and Ctrl+Z (Cmd+Z) anywhere but a text field, where the keys must keep
 * undoing typing. The notice stays while the pointer or focus is on it.
 */
export function DeletedNoteNotice() {
  const { stack, notice, outcome } = useDeletedNotes();
  const [held, setHeld] = useState(false);
  const canUndo = stack.length > 0;

  useEffect(() => {
    if (!notice || held) return;
    const timer = window.setTimeout(dismissDeletedNotice, UNDO_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held]);

  useEffect(() => {
    if (!canUndo) return;
    const keydown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoChord(event, MAC) || isTextField(event.target)) return;
      event.preventDefault();
      void undoDeleteNote();
    };
    window.addEventListener('keydown', keydown);
    return () => window.removeEventListener('keydown', keydown);
  }, [canUndo]);

  return (
    <>
      <div
        role="status"
        className="undo-notice notes-undo"
        onPointerEnter={() => setHeld(true)}
        onPointerLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
      >
        {notice && (
          <>
            <span>Deleted “{displayTitle(notice.title)}”.</span>
            <button
              type="button"
              className="button button-quiet"
              aria-keyshortcuts={MAC ? 'Meta+Z' : 'Control+Z'}
              title={`Undo (${MAC ? '⌘Z' : 'Ctrl+Z'})`}
              onClick={() => void undoDeleteNote()}
            >
              Undo
            </button>
          </>
        )}
        {!notice && outcome?.ok && <span>{outcome.message}</span>}
      </div>
      {outcome && !outcome.ok && (
        <p role="alert" className="notes-problem">
          The note was not restored: {outcome.error.message}
        </p>
      )}
    </>
  );
}
