import { useState } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { actorStyle } from './actor-colours';
import { mergeConsequence } from './actor-words';
import { ActorCombobox } from './ActorCombobox';
import { useActors } from './actors-store';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  keep: Actor;
  onClose(): void;
  onMerged(mergedName: string): void;
}

/** Chooses an actor to fold into `keep`, says what will move, and only then merges. */
export function MergeActorDialog({ keep, onClose, onMerged }: Props) {
  const { actors } = useActors();
  const [chosen, setChosen] = useState<Actor | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);
  const others = (actors ?? []).filter((actor) => actor.id !== keep.id);

  const choose = async (actor: Actor) => {
    setChosen(actor);
    setError(null);
    return null;
  };

  const confirm = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    const result = await api.call('actors.merge', { keepId: keep.id, mergeId: chosen.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onMerged(chosen.name);
  };

  return (
    <ConfirmDialog
      title={`Merge another actor into ${keep.name}`}
      onClose={onClose}
      actions={
        <>
          {chosen && (
            <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => void confirm()}>
              Merge {chosen.name} into {keep.name}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      {others.length === 0 ? (
        <p>There is no other actor to merge into {keep.name}.</p>
      ) : (
        <>
          <p className="confirm-dialog-note">Use this when two entries are the same actor, such as a duplicate or a spelling the sources use.</p>
          <ActorCombobox label="Actor to merge" showLabel placeholder="Type a name or alias…" actors={others} onPick={choose} />
        </>
      )}
      {chosen && (
        <div className="merge-summary" aria-live="polite">
          <p>
            Merging{' '}
            <span className="actor-name-chip" style={actorStyle(chosen.colour)}>
              <span className="actor-dot" aria-hidden="true" />
              {chosen.name}
            </span>{' '}
            into{' '}
            <span className="actor-name-chip" style={actorStyle(keep.colour)}>
              <span className="actor-dot" aria-hidden="true" />
              {keep.name}
            </span>
            .
          </p>
          {mergeConsequence(keep, chosen).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="confirm-dialog-error">
          {error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
