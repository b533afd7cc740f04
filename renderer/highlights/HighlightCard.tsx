import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { HighlightActors } from '../actors/HighlightActors';
import { startHighlightDrag } from '../notes/highlight-drag';
import { HighlightNotes } from '../notes/HighlightNotes';
import { ColourPicker } from './ColourPicker';
import { cardQuote } from './quote-text';
import type { OpResultOf } from './use-highlights';
import type { CardPosition } from './VirtualCardList';
import { TrashIcon } from './TrashIcon';

/** A comment is saved this long after the last keystroke, so a pause is never lost work. */
export const COMMENT_IDLE_MS = 600;

interface Props {
  highlight: Highlight;
  /** Where the card stands in its whole list, of which only some cards are mounted. */
  position?: CardPosition;
  onGoTo(highlight: Highlight): void;
  onUpdate(id: number, changes: { colour?: HighlightColour; comment?: string }): Promise<OpResultOf<Highlight>>;
  onDelete(highlight: Highlight): Promise<OpError | null>;
  /** The card's highlight is the one being looked at (pointer over the card or focus in it). */
  onActive(id: number | null): void;
  onTag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  onUntag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
}

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; error: OpError };

export function HighlightCard({ highlight, position, onGoTo, onUpdate, onDelete, onActive, onTag, onUntag }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(highlight.comment);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [colourError, setColourError] = useState<OpError | null>(null);
  const [deleteError, setDeleteError] = useState<OpError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  /** The comment as last stored, so an unchanged comment is never sent again. */
  const stored = useRef(highlight.comment);
  const orphaned = highlight.status === 'orphaned';
  const quote = cardQuote(highlight.exact);

  const saveComment = useCallback(
    async (comment: string) => {
      window.clearTimeout(timer.current);
      if (comment === stored.current) return;
      setSave({ status: 'saving' });
      const result = await onUpdate(highlight.id, { comment });
      if (result.ok) {
        stored.current = result.value.comment;
        setSave({ status: 'saved' });
      } else {
        setSave({ status: 'failed', error: result.error });
      }
    },
    [highlight.id, onUpdate],
  );

  // A pending edit is saved when the card goes away (the document closed, or the list reloaded).
  const latest = useRef({ draft, saveComment });
  useEffect(() => {
    latest.current = { draft, saveComment };
  });
  useEffect(
    () => () => {
      if (timer.current !== undefined) void latest.current.saveComment(latest.current.draft);
    },
    [],
  );

  const edit = (comment: string) => {
    setDraft(comment);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void saveComment(comment);
    }, COMMENT_IDLE_MS);
  };

  const changeColour = async (colour: HighlightColour) => {
    setColourError(null);
    const result = await onUpdate(highlight.id, { colour });
    if (!result.ok) setColourError(result.error);
  };

  const remove = async () => {
    if (deleting) return;
    setDeleting(true);
    setDeleteError(null);
    const error = await onDelete(highlight);
    // On success the card is gone; only a failure leaves something to show.
    if (error) {
      setDeleting(false);
      setDeleteError(error);
    }
  };

  return (
    <li
      className="highlight-card"
      data-colour={highlight.colour}
      data-id={highlight.id}
      aria-posinset={position?.index}
      aria-setsize={position?.count}
      onPointerEnter={() => onActive(highlight.id)}
      onPointerLeave={() => onActive(null)}
      onFocus={() => onActive(highlight.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onActive(null);
      }}
    >
      {orphaned ? (
        <p id={`${id}-quote`} className="highlight-card-quote" draggable onDragStart={(event) => startHighlightDrag(event, highlight)}>
          “{quote}”
        </p>
      ) : (
        <button
          id={`${id}-quote`}
          type="button"
          className="highlight-card-quote"
          draggable
          onDragStart={(event) => startHighlightDrag(event, highlight)}
          onClick={() => onGoTo(highlight)}
        >
          <span className="visually-hidden">Go to highlight: </span>“{quote}”
        </button>
      )}
      {highlight.status === 'approximate' && (
        <p className="highlight-card-note">Placed approximately: the passage changed in the newer version.</p>
      )}
      {orphaned && (
        <p className="highlight-card-note">Not found in the current version of the document. The quote is kept here so nothing is lost.</p>
      )}
      <div className="highlight-card-controls">
        <ColourPicker name={`${id}-colour`} value={highlight.colour} onChange={(colour) => void changeColour(colour)} />
        <button type="button" className="icon-button" aria-label="Delete highlight" title="Delete highlight" aria-disabled={deleting || undefined} onClick={() => void remove()}>
          <TrashIcon />
        </button>
      </div>
      {colourError && (
        <p role="alert" className="highlight-card-error">
          {colourError.message}
        </p>
      )}
      <HighlightActors highlight={highlight} onTag={onTag} onUntag={onUntag} />
      <label htmlFor={`${id}-comment`} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={`${id}-comment`}
        className="highlight-card-comment"
        rows={draft ? 3 : 1}
        placeholder="Add a comment…"
        value={draft}
        maxLength={20_000}
        onChange={(event) => edit(event.target.value)}
        onBlur={() => void saveComment(draft)}
      />
      <p role="status" className="highlight-card-saved">
        {save.status === 'saving' && 'Saving…'}
        {save.status === 'saved' && 'Saved'}
      </p>
      {save.status === 'failed' && (
        <p role="alert" className="highlight-card-error">
          The comment was not saved: {save.error.message}
        </p>
      )}
      <HighlightNotes highlight={highlight} />
      {deleteError && (
        <p role="alert" className="highlight-card-error">
          {deleteError.message}
        </p>
      )}
    </li>
  );
}
