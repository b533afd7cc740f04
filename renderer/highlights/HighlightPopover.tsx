import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { HighlightActors } from '../actors/HighlightActors';
import { HighlightThemes } from '../themes/HighlightThemes';
import { rangeOfSpan } from '../reader/find/reveal-span';
import { ColourPicker } from './ColourPicker';
import { CommentField } from './CommentField';
import { useCommentDraft, type UpdateHighlight } from './use-comment-draft';
import type { OpResultOf } from './use-highlights';
import { TrashIcon } from './TrashIcon';

interface Props {
  highlight: Highlight;
  articleRef: RefObject<HTMLElement | null>;
  scrollerRef: RefObject<HTMLElement | null>;
  /** `toText`: the keyboard goes back to the document (Escape, Delete); otherwise it stays where the person put it. */
  onClose(toText: boolean): void;
  onColour(colour: HighlightColour): Promise<OpError | null>;
  onUpdate: UpdateHighlight;
  onDelete(): Promise<OpError | null>;
  onTag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  onUntag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
}

const GAP = 8;

/**
 * A small non-modal dialog beside a clicked passage, with what its card offers most: colour,
 * comment, actors and delete, so a passage is changed where it is read. It takes the keyboard when
 * it opens; Escape closes it and gives the keyboard back to the text, as does a click elsewhere.
 */
export function HighlightPopover({ highlight, articleRef, scrollerRef, onClose, onColour, onUpdate, onDelete, onTag, onUntag }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const comment = useCommentDraft(highlight, onUpdate);
  const [error, setError] = useState<OpError | null>(null);

  // Below the passage's last line, or above its first when there is no room below; kept there as the text scrolls.
  useLayoutEffect(() => {
    const place = () => {
      const element = dialog.current;
      const article = articleRef.current;
      const range = article ? rangeOfSpan(article, highlight) : null;
      if (!element || !range) return;
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
      const first = rects[0] ?? range.getBoundingClientRect();
      const last = rects.at(-1) ?? first;
      const { width, height } = element.getBoundingClientRect();
      let top = last.bottom + GAP;
      if (top + height > window.innerHeight - GAP) top = Math.max(GAP, first.top - height - GAP);
      const left = Math.min(Math.max(last.left, GAP), window.innerWidth - width - GAP);
      element.style.top = `${Math.round(top)}px`;
      element.style.left = `${Math.round(left)}px`;
    };
    place();
    const scroller = scrollerRef.current;
    scroller?.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      scroller?.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [articleRef, scrollerRef, highlight]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input:checked')?.focus();
    // Only when it opens for a passage, not when that passage changes colour.
  }, [highlight.id]);

  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!dialog.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const act = async (change: Promise<OpError | null>) => {
    setError(null);
    const failure = await change;
    if (failure) setError(failure);
    return failure;
  };

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label="Highlight"
      className="highlight-popover"
      data-colour={highlight.colour}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          comment.flush();
          onClose(true);
        }
      }}
    >
      <div className="highlight-card-controls">
        <ColourPicker name={`${id}-colour`} value={highlight.colour} onChange={(colour) => void act(onColour(colour))} />
        <button
          type="button"
          className="icon-button"
          aria-label="Delete highlight"
          title="Delete highlight"
          onClick={() =>
            void act(onDelete()).then((failure) => {
              if (!failure) onClose(true);
            })
          }
        >
          <TrashIcon />
        </button>
      </div>
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
      <HighlightActors highlight={highlight} onTag={onTag} onUntag={onUntag} />
      <HighlightThemes highlight={highlight} />
      <CommentField id={`${id}-comment`} comment={comment} />
    </div>
  );
}
