import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Actor, ActorKind } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { useListboxAbove } from '../lists/use-listbox-placement';
import { actorStyle } from './actor-colours';
import { isKnownName, matchActors } from './actor-match';
import { KIND_LABELS } from './actor-words';
import { announceActors } from './actors-store';

interface Props {
  /** The combobox's accessible name. */
  label: string;
  /** The actors it offers. */
  actors: readonly Actor[];
  /** Every actor, so "Create" is not offered for a name some actor (offered or not) already has. */
  allActors?: readonly Actor[];
  /** Resolves with the problem to show, or null when the choice is done with. */
  onPick(actor: Actor): Promise<OpError | null>;
  /** Offer "Create “…” as…" for a name no actor has; the person then chooses its kind. */
  allowCreate?: boolean;
  placeholder?: string;
  /** Show the label above the field instead of only naming it. */
  showLabel?: boolean;
  /** Whether the list should open upwards even with room below (it must not cover what it is about). */
  preferAbove?(field: DOMRect): boolean;
}

type Choice = { kind: 'actor'; actor: Actor; alias: string | null } | { kind: 'create'; name: string; actorKind?: ActorKind };

/** The kinds offered for a new actor, most common in the sources first. */
const NEW_ACTOR_KINDS: readonly ActorKind[] = ['group', 'person', 'state', 'place', 'other'];

const MAX_OPTIONS = 50;

/**
 * An ARIA 1.2 combobox over actors: typing filters by name and alias (case and accents aside), the
 * arrows move through the options, Enter picks, Escape closes and then clears.
 */
export function ActorCombobox({
  label,
  actors,
  allActors = actors,
  onPick,
  allowCreate = false,
  placeholder,
  showLabel = false,
  preferAbove,
}: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [waiting, setWaiting] = useState(0);
  const [error, setError] = useState<OpError | null>(null);
  const [notice, setNotice] = useState('');
  // A name to create, waiting for its kind: creating is a choice made on purpose, never Enter on a typo.
  const [creating, setCreating] = useState<string | null>(null);
  const kindChoices = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const listbox = useRef<HTMLUListElement>(null);
  // The field's words as of the last keystroke, read when an answer arrives after more typing.
  const typed = useRef('');
  // Picks run one at a time, in the order chosen; the keys say which are chosen and not yet done.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(new Set<string>());
  const mounted = useRef(false);
  const busy = waiting > 0;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const choices = useMemo<Choice[]>(() => {
    const matches: Choice[] = matchActors(actors, text)
      .slice(0, MAX_OPTIONS)
      .map(({ actor, alias }) => ({ kind: 'actor', actor, alias }));
    const typed = text.replace(/\s+/g, ' ').trim();
    if (allowCreate && typed && !isKnownName(allActors, typed)) matches.push({ kind: 'create', name: typed });
    return matches;
  }, [actors, allActors, text, allowCreate]);

  const expanded = open && choices.length > 0;
  const current = expanded && active >= 0 && active < choices.length ? active : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  // The kinds take the keyboard as they appear, so the choice goes on from where Enter was pressed.
  useLayoutEffect(() => {
    if (creating !== null) kindChoices.current?.querySelector('button')?.focus();
  }, [creating]);

  useLayoutEffect(() => {
    if (current < 0) return;
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const above = useListboxAbove(listbox, expanded, choices.length, preferAbove);

  const changeText = (value: string) => {
    typed.current = value;
    setText(value);
  };

  const type = (value: string) => {
    setCreating(null);
    changeText(value);
    setOpen(true);
    setError(null);
    setNotice('');
    setActive(value.trim() ? 0 : -1);
  };

  /**
   * Enter or a click commits the words in the field. The answer may come after the person has typed
   * on (or picked again): it clears the field only if it still holds the words committed, and a
   * second pick waits for the first instead of being lost.
   */
  const choose = (choice: Choice) => {
    if (choice.kind === 'create' && !choice.actorKind) {
      setCreating(choice.name);
      setOpen(false);
      return;
    }
    if (choice.kind === 'create') setCreating(null);
    const key = choice.kind === 'create' ? `create:${choice.name}` : `actor:${choice.actor.id}`;
    if (pending.current.has(key)) return;
    pending.current.add(key);
    const committed = text;
    setWaiting((count) => count + 1);
    setError(null);
    setNotice('');
    const done = queue.current.then(async () => {
      try {
        // The field went away (the toolbar closed, say): what was still waiting goes with it.
        if (mounted.current) await pick(choice, committed);
      } finally {
        pending.current.delete(key);
        if (mounted.current) setWaiting((count) => count - 1);
      }
    });
    // A pick that throws is reported as any uncaught error is, and the picks after it still run.
    queue.current = done.catch((problem: unknown) => reportError(problem));
  };

  const pick = async (choice: Choice, committed: string) => {
    let actor: Actor;
    if (choice.kind === 'create') {
      const created = await api.call('actors.create', { name: choice.name, kind: choice.actorKind ?? 'other' });
      if (!created.ok) {
        if (mounted.current) setError(created.error);
        return;
      }
      actor = created.value;
    } else {
      actor = choice.actor;
    }
    const problem = await onPick(actor);
    if (!mounted.current) return;
    if (problem) {
      setError(problem);
      return;
    }
    if (typed.current === committed) {
      changeText('');
      setOpen(false);
      setActive(-1);
    }
    if (choice.kind === 'create') {
      const message = `Added ${actor.name} (${KIND_LABELS[actor.kind]}) as an actor.`;
      setNotice(message);
      // Said aloud by the registry's live region; a card holds no second status of its own.
      announceActors(message);
    }
  };

  const keydown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = choices.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(!open || active >= last ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(!open || active <= 0 ? last : active - 1);
        break;
      case 'Enter': {
        if (!expanded) return;
        // Enter never submits a surrounding form while the list is open.
        event.preventDefault();
        const choice = choices[current];
        if (choice) choose(choice);
        break;
      }
      case 'Escape':
        // Each press undoes one thing (the list, then the text); only then does Escape reach the toolbar or dialog.
        if (expanded) {
          setOpen(false);
        } else if (text) {
          changeText('');
          setActive(-1);
        } else {
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className={`actor-combobox${showLabel ? ' actor-combobox-labelled' : ''}`}>
      <label htmlFor={`${id}-input`} className={showLabel ? 'actor-combobox-label' : 'visually-hidden'}>
        {label}
      </label>
      <div className="actor-combobox-field">
        <input
          ref={field}
          id={`${id}-input`}
          type="text"
          role="combobox"
          className="actor-combobox-input"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-busy={busy || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(event) => type(event.target.value)}
          onKeyDown={keydown}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <ul
          ref={listbox}
          id={`${id}-listbox`}
          role="listbox"
          aria-label={label}
          className={`actor-combobox-listbox${above ? ' actor-combobox-above' : ''}`}
          hidden={!expanded}
        >
          {expanded &&
            choices.map((choice, index) => (
              <li
                key={choice.kind === 'create' ? 'create' : choice.actor.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={`actor-option${choice.kind === 'create' ? ' actor-option-create' : ''}`}
                // Keeps focus in the field, so the click picks instead of closing the list first.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(choice)}
              >
                {choice.kind === 'create' ? (
                  <>
                    <svg className="actor-option-plus" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path d="M8 3v10M3 8h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
                    </svg>
                    <span className="actor-option-name">Create “{choice.name}” as…</span>
                  </>
                ) : (
                  <>
                    <span className="actor-dot" style={actorStyle(choice.actor.colour)} aria-hidden="true" />
                    <span className="actor-option-name">{choice.actor.name}</span>
                    {choice.alias && (
                      <span className="actor-option-alias">
                        <span className="visually-hidden">, also known as </span>
                        {choice.alias}
                      </span>
                    )}
                    <span className="actor-option-kind">
                      <span className="visually-hidden">, </span>
                      {KIND_LABELS[choice.actor.kind]}
                    </span>
                  </>
                )}
              </li>
            ))}
        </ul>
      </div>
      {creating !== null && (
        <div
          ref={kindChoices}
          role="group"
          aria-label={`Kind of “${creating}”`}
          className="actor-create-kinds"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            setCreating(null);
            field.current?.focus();
          }}
        >
          <span className="actor-create-kinds-label" aria-hidden="true">
            Create “{creating}” as
          </span>
          {NEW_ACTOR_KINDS.map((actorKind) => (
            <button key={actorKind} type="button" className="button button-quiet" onClick={() => choose({ kind: 'create', name: creating, actorKind })}>
              {KIND_LABELS[actorKind]}
            </button>
          ))}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setCreating(null);
              field.current?.focus();
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {open && text.trim() && choices.length === 0 && <p className="actor-combobox-empty">No actor is called “{text.trim()}”.</p>}
      {error && (
        <p id={`${id}-error`} role="alert" className="actor-combobox-error">
          {error.message}
        </p>
      )}
      {notice && <p className="actor-combobox-notice">{notice}</p>}
    </div>
  );
}
