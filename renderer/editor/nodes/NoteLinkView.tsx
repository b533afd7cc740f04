import { displayTitle, noteById, useNotes } from '../../notes/notes-store';
import { hashForRoute, navigate } from '../../route';

interface Props {
  noteId: number;
  /** The title when the link was made: shown only while the notes list loads, or once the note is gone. */
  linkedTitle: string;
}

export function NoteLinkView({ noteId, linkedTitle }: Props) {
  const { notes } = useNotes();
  if (noteId === 0) {
    return (
      <span className="note-link note-link-pending" aria-busy="true">
        {displayTitle(linkedTitle)}
      </span>
    );
  }
  const target = noteById(notes, noteId);
  if (notes !== null && !target) {
    return (
      <span className="note-link note-link-missing" title="This note was deleted or cannot be found.">
        <span className="visually-hidden">Missing note: </span>
        <s>{displayTitle(linkedTitle)}</s>
        <span className="note-link-missing-tag" aria-hidden="true">
          missing note
        </span>
      </span>
    );
  }
  const route = { kind: 'note', id: noteId } as const;
  return (
    <a
      className="note-link"
      href={hashForRoute(route)}
      // Opened by our own handler: an anchor inside an editable region would otherwise do nothing.
      onClick={(event) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      {displayTitle(target?.title ?? linkedTitle)}
    </a>
  );
}
