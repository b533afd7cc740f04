import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ACTOR_COLOURS, type Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { ActorColourPicker } from '../actors/ActorColourPicker';
import { themeAndBelow } from './codebook-rows';
import { useThemes } from './themes-store';

interface Props {
  /** The theme being edited; absent when adding one. */
  theme?: Theme;
  /** Where a new theme goes: under this theme, or at the top when absent. */
  parentId?: number | null;
  suggestedColour?: string;
  onSaved(theme: Theme): void;
  onCancel(): void;
}

const TOP = '';

/** Adding or editing a theme as a codebook entry: its name, where it sits, its definition and its colour. */
export function ThemeForm({ theme, parentId = null, suggestedColour, onSaved, onCancel }: Props) {
  const id = useId();
  const { rows } = useThemes();
  const [name, setName] = useState(theme?.name ?? '');
  const [parent, setParent] = useState(String(theme ? (theme.parentId ?? TOP) : (parentId ?? TOP)));
  const [description, setDescription] = useState(theme?.description ?? '');
  const [colour, setColour] = useState(theme?.colour ?? suggestedColour ?? ACTOR_COLOURS[0]);
  const [error, setError] = useState<OpError | null>(null);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  // A theme cannot move under itself or one of its own sub-themes, so those are not offered.
  const parents = useMemo(() => {
    const excluded = theme ? themeAndBelow(rows, theme.id) : new Set<number>();
    return rows.filter((row) => !excluded.has(row.theme.id));
  }, [rows, theme]);

  useEffect(() => nameInput.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const fields = { name, parentId: parent === TOP ? null : Number(parent), description: description.trim(), colour };
    const result = theme ? await api.call('themes.update', { id: theme.id, ...fields }) : await api.call('themes.create', fields);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      nameInput.current?.focus();
      return;
    }
    onSaved(result.value);
  };

  return (
    <form
      className="actor-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
      noValidate
    >
      <h3 id={`${id}-title`} className="actor-form-title">
        {theme ? `Edit ${theme.name}` : 'New theme'}
      </h3>
      <div className="actor-form-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameInput}
          id={`${id}-name`}
          className="actor-input"
          value={name}
          maxLength={200}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="actor-form-error">
          {error.message}
        </p>
      )}
      <div className="actor-form-field">
        <label htmlFor={`${id}-parent`}>Under</label>
        <select id={`${id}-parent`} className="actor-input" value={parent} onChange={(event) => setParent(event.target.value)}>
          <option value={TOP}>Top of the codebook</option>
          {parents.map((row) => (
            <option key={row.theme.id} value={row.theme.id}>
              {row.path}
            </option>
          ))}
        </select>
      </div>
      <div className="actor-form-field">
        <label htmlFor={`${id}-description`}>Definition</label>
        <textarea
          id={`${id}-description`}
          className="actor-input"
          rows={3}
          value={description}
          maxLength={5_000}
          aria-describedby={`${id}-description-hint`}
          onChange={(event) => setDescription(event.target.value)}
        />
        <p id={`${id}-description-hint`} className="actor-form-hint">
          When a passage belongs to this theme, as a codebook would say it.
        </p>
      </div>
      <div className="actor-form-field">
        <span className="actor-form-label" aria-hidden="true">
          Colour
        </span>
        <ActorColourPicker name={`${id}-colour-choice`} value={colour} onChange={setColour} />
      </div>
      <div className="actor-form-actions">
        <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
          {theme ? 'Save changes' : 'Add theme'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
