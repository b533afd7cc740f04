import { useCallback, useId, useState } from 'react';
import type { NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { navigate } from '../route';
import { ListFilter, useListFilter } from '../lists/ListFilter';
import { RovingList } from '../lists/RovingList';
import { focusTitleWhenOpened } from './note-focus';
import { displayTitle, putNote, useNotes } from './notes-store';
import '../styles/notes.css';

const NO_NOTES: readonly NoteSummary[] = [];
const filterText = (note: NoteSummary) => `${note.title} ${note.excerpt}`;
const noteKey = (note: NoteSummary) => note.id;

/** The sidebar's notes: newest change first, the open one marked, and a way to start another. */
export function NotesSection({ openId }: { openId: number | null }) {
  const { notes, error, retry } = useNotes();
  const filter = useListFilter(notes ?? NO_NOTES, filterText);
  const renderRow = useCallback((note: NoteSummary, tabIndex: 0 | -1) => <NoteRow note={note} open={note.id === openId} tabIndex={tabIndex} />, [openId]);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<OpError | null>(null);

  const create = async () => {
    if (creating) return;
    setCreating(true);
    setCreateError(null);
    const result = await api.call('notes.create', {});
    setCreating(false);
    if (!result.ok) {
      setCreateError(result.error);
      return;
    }
    putNote(result.value);
    focusTitleWhenOpened(result.value.id);
    navigate({ kind: 'note', id: result.value.id });
  };

  return (
    <div className="notes-section list-pane">
      <div className="library-header">
        {/* The view's tab shows the name; the heading is there for those who move by headings. */}
        <h2 className="visually-hidden">Notes</h2>
        <button type="button" className="button button-quiet" aria-disabled={creating || undefined} onClick={() => void create()}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4.5v11M4.5 10h11" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          New note
        </button>
      </div>
      {createError && (
        <p role="alert" className="notes-problem">
          No note was created: {createError.message}
        </p>
      )}
      {error && (
        <div role="alert" className="notes-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={retry}>
            Reload notes
          </button>
        </div>
      )}
      {notes === null && !error && (
        <p className="library-note" aria-busy="true">
          Loading notes…
        </p>
      )}
      {notes?.length === 0 && <p className="library-note">No notes yet. Start one with New note, or quote a highlight into one.</p>}
      {notes && notes.length > 0 && (
        <>
          <ListFilter query={filter.query} setQuery={filter.setQuery} inputRef={filter.input} label="Filter notes" />
          {filter.shown.length === 0 && <p className="library-note">No note’s title or first line holds “{filter.query.trim()}”.</p>}
          <RovingList
            items={filter.shown}
            keyOf={noteKey}
            label="Notes"
            className="document-list notes-list"
            currentKey={openId}
            renderRow={renderRow}
            onType={filter.typeIntoFilter}
          />
        </>
      )}
    </div>
  );
}

function NoteRow({ note, open, tabIndex }: { note: NoteSummary; open: boolean; tabIndex: 0 | -1 }) {
  const id = useId();
  // The button holds the title alone (see DocumentList); the first line beside it describes it.
  return (
    <>
      <button
        type="button"
        className={note.title.trim() ? 'list-row-control document-list-title' : 'list-row-control document-list-title notes-untitled'}
        tabIndex={tabIndex}
        aria-current={open ? 'page' : undefined}
        aria-describedby={note.excerpt ? `${id}-excerpt` : undefined}
        onClick={() => navigate({ kind: 'note', id: note.id })}
      >
        {displayTitle(note.title)}
      </button>
      {note.excerpt && (
        <span id={`${id}-excerpt`} className="document-list-details">
          {note.excerpt}
        </span>
      )}
    </>
  );
}
