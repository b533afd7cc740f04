import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { filterItems } from './list-filter';

export interface ListFilterState<T> {
  query: string;
  setQuery(query: string): void;
  /** The items that match what is typed. */
  shown: readonly T[];
  input: RefObject<HTMLInputElement | null>;
  /** A letter typed on the list: it goes on the end of the filter, which takes the focus. */
  typeIntoFilter(character: string): void;
}

export function useListFilter<T>(items: readonly T[], textOf: (item: T) => string): ListFilterState<T> {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterItems(items, query, textOf), [items, query, textOf]);
  const typeIntoFilter = useCallback((character: string) => {
    setQuery((previous) => previous + character);
    input.current?.focus();
  }, []);
  return { query, setQuery, shown, input, typeIntoFilter };
}

interface Props {
  query: string;
  setQuery(query: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The field's name, e.g. "Filter documents". */
  label: string;
}

/** Narrows the list below it as one types; Down goes into the list, Escape empties the field. */
export function ListFilter({ query, setQuery, inputRef, label }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const stop = event.currentTarget.closest('.list-pane')?.querySelector<HTMLElement>('.roving-list .list-row-control[tabindex="0"]');
      if (stop) {
        event.preventDefault();
        stop.focus();
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };
  return (
    <input
      ref={inputRef}
      type="search"
      className="list-filter"
      aria-label={label}
      placeholder="Filter"
      autoComplete="off"
      spellCheck={false}
      value={query}
      onChange={(event) => setQuery(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
