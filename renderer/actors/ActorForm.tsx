import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ACTOR_COLOURS, ACTOR_KINDS, type Actor, type ActorKind } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { parseAliases } from './actor-match';
import { KIND_LABELS } from './actor-words';
import { ActorColourPicker } from './ActorColourPicker';

interface Props {
  /** The actor being edited; absent when adding a new one. */
  actor?: Actor;
  /** Where a new actor's colour starts, so actors added one after another differ. */
  suggestedColour?: string;
  onSaved(actor: Actor): void;
  onCancel(): void;
}

/** Adding or editing an actor: its name, kind, aliases, description and colour. */
export function ActorForm({ actor, suggestedColour, onSaved, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState(actor?.name ?? '');
  const [kind, setKind] = useState<ActorKind>(actor?.kind ?? 'person');
  const [aliases, setAliases] = useState(actor?.aliases.join('\n') ?? '');
  const [description, setDescription] = useState(actor?.description ?? '');
  const [colour, setColour] = useState(actor?.colour ?? suggestedColour ?? ACTOR_COLOURS[0]);
  const [error, setError] = useState<OpError | null>(null);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => nameInput.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const fields = { name, kind, aliases: parseAliases(aliases), description: description.trim(), colour };
    const result = actor ? await api.call('actors.update', { id: actor.id, ...fields }) : await api.call('actors.create', fields);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      // The problem is nearly always the name (empty, taken, someone's alias): put the caret back there.
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
        {actor ? `Edit ${actor.name}` : 'New actor'}
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
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} className="actor-input" value={kind} onChange={(event) => setKind(event.target.value as ActorKind)}>
          {ACTOR_KINDS.map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="actor-form-field">
        <label htmlFor={`${id}-aliases`}>Aliases</label>
        <textarea
          id={`${id}-aliases`}
          className="actor-input"
          rows={2}
          value={aliases}
          aria-describedby={`${id}-aliases-hint`}
          onChange={(event) => setAliases(event.target.value)}
        />
        <p id={`${id}-aliases-hint`} className="actor-form-hint">
          Other names the sources use: one a line, or separated by commas.
        </p>
      </div>
      <div className="actor-form-field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          className="actor-input"
          rows={2}
          value={description}
          maxLength={5_000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <div className="actor-form-field">
        {/* The radiogroup is named Colour itself; this is the same word for the eye. */}
        <span className="actor-form-label" aria-hidden="true">
          Colour
        </span>
        <ActorColourPicker name={`${id}-colour-choice`} value={colour} onChange={setColour} />
      </div>
      <div className="actor-form-actions">
        <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
          {actor ? 'Save changes' : 'Add actor'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
