import type { RefObject } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import type { TextSpan } from '../highlights/text-offsets';
import { useSelectionKept } from '../highlights/use-selection-kept';
import { ActorCombobox } from './ActorCombobox';
import { useActors } from './actors-store';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  /** The selected words the highlight will cover. */
  span: TextSpan;
  /** Highlights the span and tags it with the actor. */
  onPick(actor: Actor): Promise<OpError | null>;
}

/** The selection toolbar's Actor field: picking an actor highlights the selection and tags it at once. */
export function ToolbarActorPicker({ articleRef, span, onPick }: Props) {
  const { actors } = useActors();
  const { preferAbove, onFocus, onBlur } = useSelectionKept(articleRef, span);
  return (
    <div className="toolbar-actor-picker" onFocus={onFocus} onBlur={onBlur}>
      <ActorCombobox label="Actor" placeholder="Highlight and tag with an actor…" actors={actors ?? []} allowCreate onPick={onPick} preferAbove={preferAbove} />
    </div>
  );
}
