import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocumentSummary, Note, NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { noteBodyOf, unreadableBody } from '../editor/note-body-json';
import { NoteEditor } from '../editor/NoteEditor';
import '../styles/notes.css';
import { hashForRoute, navigate, type Route } from '../route';
import { AutosaveScheduler, type AutosaveState } from './autosave';
import { deleteNote } from './deleted-notes';
import { EvidencePanel } from './EvidencePanel';
import { QuoteInNote } from './QuoteInNote';
import { takeTitleFocus } from './note-focus';
import { displayTitle, putNote, rememberOpenedNote } from './notes-store';
import { trackSaves, untrackSaves } from './pending-saves';
import { useLinkedFrom, useNote } from './use-note';
import { ExportMenu } from '../export/ExportMenu';
import { noteExportChoices } from '../export/export-choices';
import { TrashIcon } from '../highlights/TrashIcon';
import { OpenProblem } from '../reader/OpenProblem';
import { lastOpenedDocument } from '../reader/last-document';

/** The main area for #/note/ID. Keyed by id, so each note gets its own editor and its own autosave. */
export function NoteView({ id, documents }: { id: number; documents: DocumentSummary[] | null }) {
  const { state, retry } = useNote(id);
  // Held here, not in the note, so the Evidence panel beside it can quote into the editor.
  const editorRef = useRef<LexicalEditor | null>(null);
  return (
    <>
      <main aria-label="Note" aria-busy={state.status === 'loading' || undefined} className="note-view">
        {state.status === 'loading' && (
          <div className="reader-message">
            <p className="reader-message-hint">Opening…</p>
          </div>
        )}
        {state.status === 'failed' && (
          <div className="reader-message">
            {state.error.code === 'not_found' ? (
              <OpenProblem message="This note was deleted, or it never existed." />
            ) : (
              <OpenProblem message={state.error.message} onRetry={retry} />
            )}
          </div>
        )}
        {state.status === 'open' && <OpenNote note={state.note} editorRef={editorRef} documents={documents} />}
      </main>
      {state.status === 'open' && (
        <EvidencePanel
          documents={documents}
          usage="Drag a passage into the note, or quote it at the caret."
          dragTitle="Drag into the note to quote it"
          action={(highlight, from) => <QuoteInNote highlight={highlight} from={from} editorRef={editorRef} />}
        />
      )}
    </>
  );
}

function OpenNote({ note, editorRef, documents }: { note: Note; editorRef: RefObject<LexicalEditor | null>; documents: DocumentSummary[] | null }) {
  const labels = useId();
  const titleInput = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState(note.title);
  const titleRef = useRef(note.title);
  const [save, setSave] = useState<AutosaveState>({ status: 'saved' });
  const [problem, setProblem] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<OpError | null>(null);
  const unreadable = useMemo(() => unreadableBody(note.body), [note.body]);

  // Made in an effect, not during render: it reads the editor and the title only when it saves.
  const autosave = useRef<AutosaveScheduler | null>(null);
  useEffect(() => {
    const scheduler = new AutosaveScheduler(async () => {
      const editor = editorRef.current;
      if (!editor) return { ok: false, message: 'The editor is not ready yet' };
      const result = await api.call('notes.save', { id: note.id, title: titleRef.current, body: noteBodyOf(editor) });
      if (!result.ok) return { ok: false, message: result.error.message.replace(/\.$/, '') };
      putNote(result.value);
      performance.mark('fieldbook:note-saved');
      return { ok: true };
    }, setSave);
    autosave.current = scheduler;
    rememberOpenedNote(note.id);
    trackSaves(note.id, scheduler);
    // Opening another note or another page unmounts this view: what was typed is stored first.
    return () => {
      if (autosave.current === scheduler) autosave.current = null;
      void scheduler.flush().then(() => {
        if (!scheduler.hasUnsavedChanges) untrackSaves(note.id, scheduler);
      });
    };
  }, [note.id, editorRef]);

  useEffect(() => {
    // The window closing or going to the background may be the last chance to store the text.
    const flush = () => void autosave.current?.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  useEffect(() => {
    if (takeTitleFocus(note.id)) titleInput.current?.focus();
  }, [note.id]);

  const changed = useCallback(() => autosave.current?.change(), []);

  const rename = (next: string) => {
    setTitle(next);
    titleRef.current = next;
    autosave.current?.change();
  };

  const remove = async () => {
    setDeleteError(null);
    await autosave.current?.flush();
    const error = await deleteNote(note.id);
    if (error) {
      setDeleteError(error);
      return;
    }
    autosave.current?.stop();
    navigate(afterDeletion(documents));
  };

  return (
    <div className="note-page">
      <div className="note-meta">
        <SaveStatus state={save} />
        <ExportMenu label="Export" choices={noteExportChoices(note.id)} />
        <button type="button" className="icon-button" aria-label="Delete note" title="Delete note" onClick={() => void remove()}>
          <TrashIcon />
        </button>
      </div>
      {deleteError && (
        <p role="alert" className="note-alert">
          The note was not deleted: {deleteError.message}
        </p>
      )}
      <label htmlFor={`${labels}-title`} className="visually-hidden">
        Note title
      </label>
      {/* A textarea so a long title wraps in full; it is still one line, Enter moves on to the body. */}
      <textarea
        ref={titleInput}
        id={`${labels}-title`}
        className="note-title"
        rows={1}
        value={title}
        placeholder="Untitled"
        maxLength={500}
        readOnly={unreadable !== null}
        autoComplete="off"
        spellCheck
        onChange={(event) => rename(event.target.value.replace(/[\r\n]+/g, ' '))}
        onKeyDown={(event) => {
          // Enter moves on to the body, as it would from a heading in any word processor.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            editorRef.current?.focus();
          }
        }}
      />
      {problem && (
        <p role="alert" className="note-alert">
          {problem}
        </p>
      )}
      {unreadable === null ? (
        <NoteEditor noteId={note.id} body={note.body} passages={note.passages} editorRef={editorRef} onChange={changed} onProblem={setProblem} />
      ) : (
        <div role="alert" className="note-alert">
          <p>This note’s text could not be opened, so it is left exactly as it was stored: {unreadable}</p>
        </div>
      )}
      <LinkedFrom noteId={note.id} />
    </div>
  );
}

/** Back to what was being read, rather than an empty page: a note is usually written beside a document. */
function afterDeletion(documents: DocumentSummary[] | null): Route {
  const last = lastOpenedDocument();
  return last !== null && documents?.some((document) => document.id === last) ? { kind: 'document', id: last } : { kind: 'home' };
}

function SaveStatus({ state }: { state: AutosaveState }) {
  return (
    <>
      <p role="status" className="note-save-state" data-state={state.status}>
        {state.status === 'saved' && 'Saved'}
        {(state.status === 'pending' || state.status === 'saving') && 'Saving…'}
        {state.status === 'failed' && 'Not saved'}
      </p>
      {state.status === 'failed' && (
        <p role="alert" className="note-alert note-save-alert">
          Not saved: {state.message}. Your text is still here; Fieldbook will retry.
        </p>
      )}
    </>
  );
}

function LinkedFrom({ noteId }: { noteId: number }) {
  const linking = useLinkedFrom(noteId);
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="note-backlinks">
      <h2 id={heading}>Linked from</h2>
      {linking === null && <p className="note-backlinks-empty">Looking for links…</p>}
      {linking?.length === 0 && <p className="note-backlinks-empty">No other note links here yet. Type [[ in a note to link to this one.</p>}
      {linking && linking.length > 0 && (
        <ul>
          {linking.map((source: NoteSummary) => (
            <li key={source.id}>
              <a href={hashForRoute({ kind: 'note', id: source.id })}>{displayTitle(source.title)}</a>
              {source.excerpt && <span className="note-backlinks-excerpt">{source.excerpt}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
