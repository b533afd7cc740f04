import { openSearch, SEARCH_SHORTCUT, SEARCH_SHORTCUT_ARIA } from './search-opener';

/** The way into search for those who don't know the shortcut; it shows the shortcut so they learn it. */
export function SearchButton() {
  return (
    <button type="button" className="search-button" aria-keyshortcuts={SEARCH_SHORTCUT_ARIA} onClick={openSearch}>
      <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.75" cy="8.75" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="m12.5 12.5 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="search-button-label">Search…</span>
      <kbd aria-hidden="true">{SEARCH_SHORTCUT}</kbd>
    </button>
  );
}
