import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { OpInput } from '../../main/common/contract';
import { openResult } from './open-result';
import { moveActive, resultGroups, type ResultOption } from './result-options';
import { ON_MAC } from '../keyboard/chords';
import { isSearchChord, onOpenSearch } from './search-opener';
import { NO_FILTERS, SearchFilters, type Filters } from './SearchFilters';
import { optionId, SearchResultsList } from './SearchResultsList';
import { useFilterChoices } from './use-filter-choices';
import { useSearch } from './use-search';
import '../styles/search.css';

const HINT = 'Search documents, highlights and their comments, notes, actors, themes and analyses.';

function searchInput(query: string, filters: Filters): OpInput<'search.query'> | null {
  if (query.trim() === '') return null;
  return {
    query,
    ...(filters.kinds.length > 0 && { kinds: filters.kinds }),
    ...(filters.actorId !== null && { actorId: filters.actorId }),
    ...(filters.themeId !== null && { themeId: filters.themeId }),
    ...(filters.colour !== null && { colour: filters.colour }),
    ...(filters.documentId !== null && { documentId: filters.documentId }),
  };
}

/** Search everything (Ctrl+K): one box, results grouped by kind as you type, opened with Enter or a click. */
export function SearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const choices = useFilterChoices(open);
  const search = useSearch(open ? searchInput(query, filters) : null);
  const listId = useId();

  const groups = useMemo(() => (search.results ? resultGroups(search.results) : []), [search.results]);
  const options = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  // The cursor belongs to the list it was moved in; fresh results start at their best match.
  const [cursor, setCursor] = useState<{ options: ResultOption[]; index: number } | null>(null);
  const activeIndex = options.length === 0 ? -1 : cursor?.options === options ? cursor.index : 0;
  const active = options[activeIndex] ?? null;

  useEffect(() => {
    const show = () => {
      if (!dialog.current?.open) returnFocus.current = document.activeElement;
      setOpen(true);
      input.current?.focus();
      input.current?.select();
    };
    const keydown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !isSearchChord(event, ON_MAC)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', keydown);
    const stop = onOpenSearch(show);
    return () => {
      window.removeEventListener('keydown', keydown);
      stop();
    };
  }, []);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // What was typed last time stays, selected, so typing replaces it and Enter opens the same result again.
      input.current?.focus();
      input.current?.select();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  useLayoutEffect(() => {
    if (active) document.getElementById(optionId(listId, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const close = ({ restoreFocus = true } = {}) => {
    setOpen(false);
    dialog.current?.close();
    const back = returnFocus.current;
    returnFocus.current = null;
    if (restoreFocus && back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus({ preventScroll: true });
  };

  const choose = (option: ResultOption) => {
    close();
    openResult(option);
  };

  const keyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Also keeps a search box from merely clearing itself, and the dialog from closing behind React's back.
      event.preventDefault();
      close();
      return;
    }
    if (event.target !== input.current) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (active) choose(active);
      return;
    }
    const next = moveActive(activeIndex, event.key, options.length);
    if (next === null) return;
    event.preventDefault();
    setCursor({ options, index: next });
  };

  // A click on the backdrop lands on the dialog element itself, outside its content box.
  const backdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) close();
  };

  const clearFilters = () => {
    setFilters(NO_FILTERS);
    input.current?.focus();
  };

  const empty = query.trim() === '';
  const noResults = !empty && !search.pending && search.results !== null && options.length === 0;
  const error = search.error ?? choices.error;

  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      className="search-dialog"
      onKeyDown={keyDown}
      onClick={backdropClick}
      onClose={() => setOpen(false)}
    >
      <div className="search-panel">
        <div className="search-box">
          <svg className="search-box-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="8.75" cy="8.75" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="m12.5 12.5 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            type="search"
            aria-label="Search"
            placeholder="Search everything…"
            className="search-input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-controls={options.length > 0 ? listId : undefined}
            aria-activedescendant={active && !empty ? optionId(listId, active) : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <SearchFilters filters={filters} choices={choices} onChange={setFilters} onClear={clearFilters} />
        {error && (
          <div role="alert" className="search-problem">
            {error.message}
          </div>
        )}
        <div className="search-body">
          {empty ? (
            <div className="search-hint">
              <p>{HINT}</p>
              <p>
                Put a phrase in “quotes” to find it as written, and write -word to leave out results with that word.
              </p>
            </div>
          ) : options.length > 0 ? (
            <SearchResultsList
              id={listId}
              groups={groups}
              activeKey={active?.key ?? null}
              stale={search.pending}
              onActivate={(option) => setCursor({ options, index: options.indexOf(option) })}
              onOpen={choose}
            />
          ) : null}
          <p role="status" className={noResults ? 'search-none' : search.searching ? 'search-searching' : 'visually-hidden'}>
            {statusText({ noResults, searching: search.searching, answeredQuery: search.answeredQuery, count: empty ? 0 : options.length })}
          </p>
        </div>
        <p className="search-keys" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> to move
          </span>
          <span>
            <kbd>Enter</kbd> to open
          </span>
          <span>
            <kbd>Esc</kbd> to close
          </span>
        </p>
      </div>
    </dialog>
  );
}

const countOf = (count: number) => (count === 1 ? '1 result' : `${count} results`);

/** What the status line says: nothing found, still searching (once that takes noticeably long), or how many. */
function statusText({ noResults, searching, answeredQuery, count }: { noResults: boolean; searching: boolean; answeredQuery: string; count: number }) {
  if (noResults) return `No results for “${answeredQuery}”`;
  if (searching) return 'Searching…';
  return count > 0 ? countOf(count) : '';
}
