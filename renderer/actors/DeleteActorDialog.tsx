import { useState } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { navigate } from '../route';
import { count, deleteConsequence } from './actor-words';
import { announceActors } from './actors-store';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before deleting an actor, saying how many tags go with it. */
export function DeleteActorDialog({ actor, onClose }: { actor: Actor; onClose(): void }) {
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.call('actors.delete', { id: actor.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { tagsRemoved } = result.value;
    announceActors(`Deleted ${actor.name}${tagsRemoved > 0 ? ` and its ${count(tagsRemoved, 'tag', 'tags')}` : ''}.`);
    onClose();
    // Its page is gone; the reader's empty state is the calm place to land.
    navigate({ kind: 'home' });
  };

  return (
    <ConfirmDialog
      title={`Delete ${actor.name}?`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-danger" aria-disabled={busy || undefined} onClick={() => void confirm()}>
            Delete {actor.name}
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>{deleteConsequence(actor.tagCount)}</p>
      <p className="confirm-dialog-note">The passages themselves stay highlighted, and notes that mention {actor.name} keep their text.</p>
      {error && (
        <p role="alert" className="confirm-dialog-error">
          {error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
