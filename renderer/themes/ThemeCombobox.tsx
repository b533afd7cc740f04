import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { actorStyle } from '../actors/actor-colours';
import { useListboxAbove } from '../lists/use-listbox-placement';
import type { CodebookRow } from './codebook-rows';
import { isTopLevelName, matchThemes } from './theme-match';

interface Props {
  /** The combobox's accessible name. */
  label: string;
  /** The themes it offers, in codebook order. */
  rows: readonly CodebookRow[];
  /** The whole codebook, so "Create" is not offered for a name already at its top. */
  allRows?: readonly CodebookRow[];
  /** Resolves with the problem to show, or null when the choice is done with. */
  onPick(theme: Theme): Promise<OpError | null>;
  /** Offer "Create theme “…”" for a name the codebook's top level does not have. */
  allowCreate?: boolean;
  placeholder?: string;
  showLabel?: boolean;
  /** Whether the list should open upwards even with room below (it must not cover what it is about). */
  preferAbove?(field: DOMRect): boolean;
}

type Choice = { kind: 'theme'; row: CodebookRow } | { kind: 'create'; name: string };

const MAX_OPTIONS = 50;

/**
 * An ARIA 1.2 combobox over the codebook: typing filters by name and path (case and accents aside),
 * each option shown where it sits in the tree; the arrows move, Enter picks, Escape closes then
 * clears. One pick at a time: a second Enter while the first is saving is ignored, not queued.
 */
export function ThemeCombobox({ label, rows, allRows = rows, onPick, allowCreate = false, placeholder, showLabel = false, preferAbove }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const typed = useRef('');
  const listbox = useRef<HTMLUListElement>(null);

  const choices = useMemo<Choice[]>(() => {
    const matches: Choice[] = matchThemes(rows, text)
      .slice(0, MAX_OPTIONS)
      .map((row) => ({ kind: 'theme', row }));
    const name = text.replace(/\s+/g, ' ').trim();
    if (allowCreate && name && !isTopLevelName(allRows, name)) matches.push({ kind: 'create', name });
    return matches;
  }, [rows, allRows, text, allowCreate]);

  const expanded = open && choices.length > 0;
  const current = expanded && active >= 0 && active < choices.length ? active : -1;
  const optionId = (index: number) => `${id}-option-${index}`;
  const above = useListboxAbove(listbox, expanded, choices.length, preferAbove);

  useLayoutEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const changeText = (value: string) => {
    typed.current = value;
    setText(value);
  };

  const choose = async (choice: Choice) => {
    if (busy) return;
    const committed = text;
    setBusy(true);
    setError(null);
    try {
      let theme: Theme;
      if (choice.kind === 'create') {
        const created = await api.call('themes.create', { name: choice.name });
        if (!created.ok) {
          setError(created.error);
          return;
        }
        theme = created.value;
      } else {
        theme = choice.row.theme;
      }
      const problem = await onPick(theme);
      if (problem) {
        setError(problem);
        return;
      }
      // Words typed while the pick was saving are the person's next search, not to be wiped.
      if (typed.current === committed) {
        changeText('');
        setOpen(false);
        setActive(-1);
      }
    } finally {
      setBusy(false);
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
        event.preventDefault();
        const choice = choices[current];
        if (choice) void choose(choice);
        break;
      }
      case 'Escape':
        if (expanded) setOpen(false);
        else if (text) changeText('');
        else return;
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
          onChange={(event) => {
            changeText(event.target.value);
            setOpen(true);
            setError(null);
            setActive(event.target.value.trim() ? 0 : -1);
          }}
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
                key={choice.kind === 'create' ? 'create' : choice.row.theme.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                // The path is what is read out: "Ransom" alone may sit under two themes.
                aria-label={choice.kind === 'theme' ? choice.row.path : undefined}
                className={`actor-option${choice.kind === 'create' ? ' actor-option-create' : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => void choose(choice)}
              >
                {choice.kind === 'create' ? (
                  <span className="actor-option-name">Create theme “{choice.name}”</span>
                ) : (
                  <>
                    <span className="theme-option-indent" style={{ inlineSize: `${choice.row.depth}em` }} aria-hidden="true" />
                    <span className="actor-dot" style={actorStyle(choice.row.theme.colour)} aria-hidden="true" />
                    <span className="actor-option-name">{choice.row.theme.name}</span>
                  </>
                )}
              </li>
            ))}
        </ul>
      </div>
      {open && text.trim() && choices.length === 0 && <p className="actor-combobox-empty">No theme is called “{text.trim()}”.</p>}
      {error && (
        <p id={`${id}-error`} role="alert" className="actor-combobox-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
