import { displayTitle, useNotes } from '../../notes/notes-store';
import { hashForRoute, navigate } from '../../route';
import { noteByUid } from './by-uid';

interface Props {
  /** Null while the note the link was made for is being created. */
  noteUid: string | null;
  /** The title when the link was made: shown only while the notes list loads, or once the note is gone. */
  linkedTitle: string;
}

export function NoteLinkView({ noteUid, linkedTitle }: Props) {
  const { notes } = useNotes();
  const target = noteByUid(notes, noteUid);
  if (noteUid === null || notes === null) {
    return (
      <span className="note-link note-link-pending" aria-busy="true">
        {displayTitle(linkedTitle)}
      </span>
    );
  }
  if (!target) {
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
  // The route stays by id: the link's uid is this library's note of that id.
  const route = { kind: 'note', id: target.id } as const;
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
      {displayTitle(target.title)}
    </a>
  );
}
