import { useState } from 'react';
import type { Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { actorStyle } from '../actors/actor-colours';
import { count } from '../actors/actor-words';
import { ConfirmDialog } from '../actors/ConfirmDialog';
import { ThemeCombobox } from './ThemeCombobox';
import { useThemes } from './themes-store';

interface Props {
  keep: Theme;
  onClose(): void;
  onMerged(mergedName: string): void;
}

/** Chooses a theme to fold into `keep`, says what will move, and only then merges. */
export function MergeThemeDialog({ keep, onClose, onMerged }: Props) {
  const { rows } = useThemes();
  const [chosen, setChosen] = useState<Theme | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);
  const others = rows.filter((row) => row.theme.id !== keep.id);

  const confirm = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    const result = await api.call('themes.merge', { keepId: keep.id, mergeId: chosen.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onMerged(chosen.name);
  };

  return (
    <ConfirmDialog
      title={`Merge another theme into ${keep.name}`}
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
        <p>There is no other theme to merge into {keep.name}.</p>
      ) : (
        <>
          <p className="confirm-dialog-note">Use this when two codes mean the same thing, as codebooks converge.</p>
          <ThemeCombobox
            label="Theme to merge"
            showLabel
            placeholder="Type a theme’s name…"
            rows={others}
            onPick={async (theme) => {
              setChosen(theme);
              setError(null);
              return null;
            }}
          />
        </>
      )}
      {chosen && (
        <div className="merge-summary" aria-live="polite">
          <p>
            Merging{' '}
            <span className="actor-name-chip" style={actorStyle(chosen.colour)}>
              <span className="theme-mark" aria-hidden="true" />
              {chosen.name}
            </span>{' '}
            into{' '}
            <span className="actor-name-chip" style={actorStyle(keep.colour)}>
              <span className="theme-mark" aria-hidden="true" />
              {keep.name}
            </span>
            .
          </p>
          <p>
            {chosen.passageCount === 0
              ? `No passage is coded with ${chosen.name}.`
              : `Its ${count(chosen.passageCount, 'passage is', 'passages are')} coded with ${keep.name} instead.`}{' '}
            Its sub-themes move under {keep.name}, and {chosen.name} is gone.
          </p>
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
