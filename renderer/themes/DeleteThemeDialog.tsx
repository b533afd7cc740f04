import { useState } from 'react';
import type { Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { count } from '../actors/actor-words';
import { ConfirmDialog } from '../actors/ConfirmDialog';
import { navigate } from '../route';

/** Asks before deleting a theme, saying what goes with it and what stays. */
export function DeleteThemeDialog({ theme, subThemes, onClose }: { theme: Theme; subThemes: number; onClose(): void }) {
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.call('themes.delete', { id: theme.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onClose();
    // Its page is gone; its parent's page, or the reader, is the calm place to land.
    navigate(theme.parentId ? { kind: 'theme', id: theme.parentId } : { kind: 'home' });
  };

  return (
    <ConfirmDialog
      title={`Delete ${theme.name}?`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-danger" aria-disabled={busy || undefined} onClick={() => void confirm()}>
            Delete {theme.name}
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        {theme.passageCount === 0
          ? 'No passage is coded with it.'
          : `Its ${count(theme.passageCount, 'passage loses', 'passages lose')} this code; the highlights themselves stay.`}
      </p>
      {subThemes > 0 && (
        <p className="confirm-dialog-note">
          Its {count(subThemes, 'sub-theme moves', 'sub-themes move')} up to {theme.parentId ? 'its parent' : 'the top of the codebook'}.
        </p>
      )}
      {error && (
        <p role="alert" className="confirm-dialog-error">
          {error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
