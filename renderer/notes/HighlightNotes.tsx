import { useCallback, useState } from 'react';
import type { Highlight, NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';
import { hashForRoute } from '../route';
import { displayTitle } from './notes-store';
import '../styles/notes.css';

type Action = { status: 'idle' } | { status: 'busy' } | { status: 'done'; note: NoteSummary } | { status: 'failed'; error: OpError };

/**
 * A highlight card's part in note-taking: "Quote in note", where the quote went, and the notes
 * that quote this passage. The backlinks are asked for when the card appears, one small query.
 */
export function HighlightNotes({ highlight }: { highlight: Highlight }) {
  const quotedIn = useOp('notes.linking', { kind: 'highlight', id: highlight.id }).data ?? [];
  const [action, setAction] = useState<Action>({ status: 'idle' });

  const quote = useCallback(async () => {
    setAction({ status: 'busy' });
    // Loaded on first use: it brings the note format's schemas (zod), which opening a document does not need.
    const outcome = await import('./quote-in-note').then(
      ({ quoteInNote }) => quoteInNote(highlight),
      () => ({ ok: false as const, error: { code: 'internal' as const, message: 'Fieldbook could not load this part of itself. Restart Fieldbook.' } }),
    );
    setAction(outcome.ok ? { status: 'done', note: outcome.note } : { status: 'failed', error: outcome.error });
  }, [highlight]);

  const others = quotedIn.filter((note) => action.status !== 'done' || note.id !== action.note.id);
  return (
    <div className="highlight-notes">
      <button
        type="button"
        className="button button-quiet highlight-notes-quote"
        aria-disabled={action.status === 'busy' || undefined}
        title="Add this passage to the note you opened last"
        onClick={() => {
          if (action.status !== 'busy') void quote();
        }}
      >
        Quote in note
      </button>
      {/* A live region without the status role: the card already has one (its comment's save state). */}
      <p aria-live="polite" className="highlight-notes-status">
        {action.status === 'busy' && 'Quoting…'}
        {action.status === 'done' && (
          <>
            Quoted in <NoteLink note={action.note} />.
          </>
        )}
      </p>
      {action.status === 'failed' && (
        <p role="alert" className="highlight-card-error">
          The passage was not quoted: {action.error.message}
        </p>
      )}
      {others.length > 0 && (
        <p className="highlight-notes-list">
          {action.status === 'done' ? 'Also quoted in: ' : 'Quoted in: '}
          {others.map((note, index) => (
            <span key={note.id}>
              {index > 0 && ', '}
              <NoteLink note={note} />
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function NoteLink({ note }: { note: NoteSummary }) {
  return <a href={hashForRoute({ kind: 'note', id: note.id })}>“{displayTitle(note.title)}”</a>;
}
