import type { NoteSummary } from '../../main/common/records';
import { UndoNotice } from '../highlights/UndoNotice';
import { useUndoShortcut } from '../highlights/use-undo-shortcut';
import { dismissDeletedNotice, undoDeleteNote, useDeletedNotes } from './deleted-notes';
import { displayTitle } from './notes-store';

const undo = () => void undoDeleteNote();
const describe = (note: NoteSummary) => <>Deleted “{displayTitle(note.title)}”.</>;

/** "Note deleted. Undo", and Ctrl+Z (Cmd+Z) for the same. */
export function DeletedNoteNotice() {
  const { stack, notice, outcome } = useDeletedNotes();
  useUndoShortcut(stack.length > 0, undo);
  return (
    <UndoNotice
      notice={notice}
      describe={describe}
      outcome={outcome}
      onUndo={undo}
      onDismiss={dismissDeletedNotice}
      className="undo-notice notes-undo"
      errorClassName="notes-problem"
      failure="The note was not restored"
    />
  );
}
