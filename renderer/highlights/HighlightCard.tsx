import { useEffect, useId, useState } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { actorStyle } from '../actors/actor-colours';
import { useActors } from '../actors/actors-store';
import { HighlightActors } from '../actors/HighlightActors';
import { startHighlightDrag } from '../notes/highlight-drag';
import { HighlightNotes } from '../notes/HighlightNotes';
import { AddToAnalysis } from '../hypotheses/AddToAnalysis';
import { GradeBadge } from '../grades/GradeBadge';
import { PassageCredibility } from '../grades/PassageCredibility';
import { HighlightThemes } from '../themes/HighlightThemes';
import { HighlightDates } from '../timeline/HighlightDates';
import { useThemes } from '../themes/themes-store';
import { ColourPicker } from './ColourPicker';
import { CommentField } from './CommentField';
import { COLOUR_LABELS } from './highlight-colours';
import { passageTitle } from './quote-text';
import { useCommentDraft, type UpdateHighlight } from './use-comment-draft';
import type { OpResultOf } from './use-highlights';
import type { CardPosition } from './VirtualCardList';
import { TrashIcon } from './TrashIcon';

export { COMMENT_IDLE_MS } from './use-comment-draft';

interface Props {
  highlight: Highlight;
  /** Where the card stands in its whole list, of which only some cards are mounted. */
  position?: CardPosition;
  /** Whether the card shows its controls; closed, it is the quote clipped, its colour, actors and comment. */
  open: boolean;
  onOpenChange(open: boolean): void;
  onGoTo(highlight: Highlight): void;
  onUpdate: UpdateHighlight;
  onDelete(highlight: Highlight): Promise<OpError | null>;
  /** The card's highlight is the one being looked at (pointer over the card or focus in it). */
  onActive(id: number | null): void;
  onTag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  onUntag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  /** Where the passage is, as a citation names it ("p. 12", a chapter's title), for a document with pages or chapters. */
  place?: string | null;
}

/**
 * A highlight in the panel. Closed (as every card starts) it is a few lines: enough to recognise the
 * passage and see what it carries, so many fit on a screen; its disclosure button opens the
 * controls (colour, delete, actors, comment, notes), one card at a time.
 */
export function HighlightCard({ highlight, position, open, onOpenChange, onGoTo, onUpdate, onDelete, onActive, onTag, onUntag, place = null }: Props) {
  const id = useId();
  const comment = useCommentDraft(highlight, onUpdate);
  const [colourError, setColourError] = useState<OpError | null>(null);
  const [deleteError, setDeleteError] = useState<OpError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const orphaned = highlight.status === 'orphaned';
  // An area has no words to quote: the card names it, and its place says the page.
  const quote = passageTitle(highlight);
  const { flush } = comment;
  // Closing the card takes its comment field away: an edit still waiting for its pause is saved now.
  useEffect(() => {
    if (!open) flush();
  }, [open, flush]);

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
      className={open ? 'highlight-card highlight-card-open' : 'highlight-card'}
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
      <div className="highlight-card-head">
        {orphaned ? (
          <p id={`${id}-quote`} className="highlight-card-quote" draggable onDragStart={(event) => startHighlightDrag(event, highlight)}>
            {quote}
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
            <span className="visually-hidden">Go to highlight: </span>
            {quote}
          </button>
        )}
        <button
          type="button"
          className="icon-button highlight-card-disclosure"
          aria-expanded={open}
          aria-controls={`${id}-controls`}
          aria-label="Edit highlight"
          aria-describedby={`${id}-quote`}
          title={open ? 'Close' : 'Edit highlight'}
          onClick={() => onOpenChange(!open)}
        >
          <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      {highlight.status === 'approximate' && (
        <p className="highlight-card-note">Placed approximately: the passage changed in the newer version.</p>
      )}
      {orphaned && (
        <p className="highlight-card-note">Not found in the current version of the document. The quote is kept here so nothing is lost.</p>
      )}
      {open ? (
        <div id={`${id}-controls`} className="highlight-card-body">
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
          <HighlightThemes highlight={highlight} />
          <PassageCredibility highlight={highlight} />
          {!orphaned && <HighlightDates highlightId={highlight.id} />}
          <CommentField id={`${id}-comment`} comment={comment} />
          <HighlightNotes highlight={highlight} />
          <AddToAnalysis highlightIds={[highlight.id]} />
          {deleteError && (
            <p role="alert" className="highlight-card-error">
              {deleteError.message}
            </p>
          )}
        </div>
      ) : (
        <CardSummary id={`${id}-controls`} highlight={highlight} place={place} />
      )}
    </li>
  );
}

/** What a closed card carries: its colour, its actors and themes, and the start of its comment. */
function CardSummary({ id, highlight, place }: { id: string; highlight: Highlight; place: string | null }) {
  const { comment } = highlight;
  const { byId } = useActors();
  const themes = useThemes().byId;
  const tagged = highlight.actorIds.flatMap((actorId) => byId.get(actorId) ?? []);
  const coded = highlight.themeIds.flatMap((themeId) => themes.get(themeId)?.theme ?? []);
  return (
    <div id={id} className="highlight-card-summary">
      <span className="highlight-card-colour">
        <span className="colour-swatch-dot" data-colour={highlight.colour} aria-hidden="true" />
        <span className="visually-hidden">Colour: </span>
        {COLOUR_LABELS[highlight.colour]}
      </span>
      {place && <span className="highlight-card-place">{place}</span>}
      {highlight.grade && (
        <GradeBadge reliability={highlight.grade.reliability} credibility={highlight.grade.credibility} fromDocument={highlight.grade.credibilityFromDocument} />
      )}
      {tagged.length > 0 && (
        <ul className="highlight-card-actor-names" aria-label="Actors">
          {tagged.map((actor) => (
            <li key={actor.id} className="actor-name-chip" style={actorStyle(actor.colour)}>
              <span className="actor-dot" aria-hidden="true" />
              {actor.name}
            </li>
          ))}
        </ul>
      )}
      {coded.length > 0 && (
        <ul className="highlight-card-actor-names" aria-label="Themes">
          {coded.map((theme) => (
            <li key={theme.id} className="actor-name-chip theme-chip" style={actorStyle(theme.colour)}>
              <span className="theme-mark" aria-hidden="true" />
              {theme.name}
            </li>
          ))}
        </ul>
      )}
      {comment && (
        <p className="highlight-card-comment-preview">
          <span className="visually-hidden">Comment: </span>
          {comment}
        </p>
      )}
    </div>
  );
}
