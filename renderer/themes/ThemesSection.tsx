import { useCallback, useId, useRef, useState } from 'react';
import { ACTOR_COLOURS, type Theme } from '../../main/common/records';
import { actorStyle } from '../actors/actor-colours';
import { count } from '../actors/actor-words';
import { useFadingMessage } from '../actors/use-fading-message';
import { ListFilter, useListFilter } from '../lists/ListFilter';
import { RovingList } from '../lists/RovingList';
import { hashForRoute } from '../route';
import type { CodebookRow } from './codebook-rows';
import { ThemeForm } from './ThemeForm';
import { useThemes } from './themes-store';
import '../styles/actors.css';
import '../styles/themes.css';

interface Props {
  /** The theme whose page the main area shows, if any. */
  openId: number | null;
  /** Whether the main area shows the co-occurrence table. */
  matrixOpen: boolean;
}

const NO_ROWS: readonly CodebookRow[] = [];
const filterText = (row: CodebookRow) => `${row.path} ${row.theme.description}`;
const rowKey = (row: CodebookRow) => row.theme.id;

/** The codebook: every theme in its tree, and the way to add one. */
export function ThemesSection({ openId, matrixOpen }: Props) {
  const { tree, rows, error, retry } = useThemes();
  const filter = useListFilter(tree ? rows : NO_ROWS, filterText);
  const filtering = filter.query.trim() !== '';
  // Filtered, a sub-theme stands alone, so it is shown by its whole path.
  const renderRow = useCallback(
    (row: CodebookRow, tabIndex: 0 | -1) => <ThemeRow row={row} flat={filtering} open={row.theme.id === openId} tabIndex={tabIndex} />,
    [openId, filtering],
  );
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useFadingMessage();
  const newButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setAdding(false);
    newButton.current?.focus();
  };

  const saved = (theme: Theme) => {
    setMessage(`Added ${theme.name}.`);
    close();
  };

  return (
    <div className="actors-section list-pane">
      <div className="actors-header">
        <h2 className="visually-hidden">Themes</h2>
        <button ref={newButton} type="button" className="button button-quiet" aria-expanded={adding} onClick={() => (adding ? close() : setAdding(true))}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4.5v11M4.5 10h11" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          New theme
        </button>
        <a href={hashForRoute({ kind: 'co-occurrence' })} className="themes-matrix-link" aria-current={matrixOpen ? 'page' : undefined}>
          Co-occurrence
        </a>
      </div>
      {adding && <ThemeForm suggestedColour={ACTOR_COLOURS[rows.length % ACTOR_COLOURS.length]} onSaved={saved} onCancel={close} />}
      <p role="status" className="actors-status">
        {message}
      </p>
      {error && (
        <div role="alert" className="library-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={retry}>
            Reload themes
          </button>
        </div>
      )}
      {tree === null && !error && <p className="library-note">Loading themes…</p>}
      {tree?.length === 0 && !adding && (
        <p className="library-note">
          No themes yet. A theme codes what a passage is about (“recruitment”, “financing”), the way a codebook does; themes can sit under one another.
        </p>
      )}
      {rows.length > 0 && (
        <>
          <ListFilter query={filter.query} setQuery={filter.setQuery} inputRef={filter.input} label="Filter themes" />
          {filter.shown.length === 0 && <p className="library-note">No theme’s name or definition holds “{filter.query.trim()}”.</p>}
          <RovingList
            items={filter.shown}
            keyOf={rowKey}
            label="Themes"
            className="actor-list"
            rowClassName="actor-list-row"
            currentKey={openId}
            renderRow={renderRow}
            onType={filter.typeIntoFilter}
          />
        </>
      )}
    </div>
  );
}

function ThemeRow({ row, flat, open, tabIndex }: { row: CodebookRow; flat: boolean; open: boolean; tabIndex: 0 | -1 }) {
  const id = useId();
  const { theme, depth, path } = row;
  const parent = path.slice(0, Math.max(0, path.length - theme.name.length - 3));
  return (
    <>
      <a
        tabIndex={tabIndex}
        href={hashForRoute({ kind: 'theme', id: theme.id })}
        className="list-row-control actor-name-chip theme-row-name"
        style={{ ...actorStyle(theme.colour), marginInlineStart: flat ? 0 : `${depth * 1.1}em` }}
        aria-current={open ? 'page' : undefined}
        aria-describedby={`${id}-details`}
      >
        <span className="theme-mark" aria-hidden="true" />
        {flat ? path : theme.name}
      </a>
      <span id={`${id}-details`} className="actor-list-details" style={{ marginInlineStart: flat ? 0 : `${depth * 1.1}em` }}>
        {/* Indentation shows the tree to the eye; this says it to everyone else. */}
        {depth > 0 && !flat && <span className="visually-hidden">Under {parent} · </span>}
        {count(theme.passageCount, 'passage', 'passages')}
      </span>
    </>
  );
}
