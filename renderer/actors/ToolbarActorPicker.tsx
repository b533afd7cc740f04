import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { supportsCustomHighlights } from '../highlights/paint-highlights';
import { TextIndex, type TextSpan } from '../highlights/text-offsets';
import { ActorCombobox } from './ActorCombobox';
import { useActors } from './actors-store';

const PENDING_HIGHLIGHT = 'fb-pending';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  /** The selected words the highlight will cover. */
  span: TextSpan;
  /** Highlights the span and tags it with the actor. */
  onPick(actor: Actor): Promise<OpError | null>;
}

/**
 * The selection toolbar's Actor field: picking an actor highlights the selection and tags it at once.
 * Typing in the field takes the browser's selection away from the text, so while it has focus the
 * words stay marked with a highlight of their own.
 */
export function ToolbarActorPicker({ articleRef, span, onPick }: Props) {
  const { actors } = useActors();
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    const root = articleRef.current;
    if (!focused || !root || !supportsCustomHighlights()) return;
    const range = new TextIndex(root).rangeOf(span.start, span.end);
    if (!range) return;
    const pending = new Highlight(range);
    pending.priority = 4;
    CSS.highlights.set(PENDING_HIGHLIGHT, pending);
    return () => {
      CSS.highlights.delete(PENDING_HIGHLIGHT);
    };
  }, [focused, articleRef, span.start, span.end]);

  // With the toolbar above the selection, a list dropping down would hide the very words being tagged.
  const preferAbove = useCallback(
    (field: DOMRect) => {
      const root = articleRef.current;
      const words = root ? new TextIndex(root).rangeOf(span.start, span.end)?.getBoundingClientRect() : undefined;
      return words !== undefined && field.bottom <= words.top + 1;
    },
    [articleRef, span.start, span.end],
  );

  return (
    <div className="toolbar-actor-picker" onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
      <ActorCombobox label="Actor" placeholder="Highlight and tag with an actor…" actors={actors ?? []} allowCreate onPick={onPick} preferAbove={preferAbove} />
    </div>
  );
}
