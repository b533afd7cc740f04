import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ActorsSection } from '../actors/ActorsSection';
import { LibraryPane } from '../library/LibraryPane';
import type { LibraryList } from '../library/use-library';
import { NotesSection } from '../notes/NotesSection';
import { hashForRoute, type Route } from '../route';
import { SearchButton } from '../search/SearchButton';
import { ThemesSection } from '../themes/ThemesSection';
import { SIDEBAR_VIEWS, useSidebarView, type SidebarView } from './sidebar-view';
import '../styles/workspace.css';

interface Props {
  library: LibraryList;
  route: Route;
  openDocumentId: number | null;
  onOpenDocument(id: number): void;
}

/**
 * Search, then one list at a time under tabs (Library, Notes, Actors, Themes), each scrolling on its own,
 * so no list pushes another thousands of pixels down. A view is mounted the first time it is shown
 * and kept (hidden) after, so a half-typed filter or form survives a look at another list.
 */
export function Sidebar({ library, route, openDocumentId, onOpenDocument }: Props) {
  const [view, setView] = useSidebarView();
  const [visited, setVisited] = useState<ReadonlySet<SidebarView>>(() => new Set([view]));
  if (!visited.has(view)) setVisited(new Set([...visited, view]));

  const panels: Record<SidebarView, () => ReactNode> = {
    library: () => <LibraryPane library={library} openId={openDocumentId} onOpen={onOpenDocument} onNeeded={() => setView('library')} />,
    notes: () => <NotesSection openId={route.kind === 'note' ? route.id : null} />,
    actors: () => <ActorsSection openId={route.kind === 'actor' ? route.id : null} />,
    themes: () => <ThemesSection openId={route.kind === 'theme' ? route.id : null} matrixOpen={route.kind === 'co-occurrence'} />,
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SIDEBAR_VIEWS.findIndex((candidate) => candidate.id === view);
    const last = SIDEBAR_VIEWS.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % SIDEBAR_VIEWS.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index + last) % SIDEBAR_VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const chosen = SIDEBAR_VIEWS[next]!.id;
    setView(chosen);
    document.getElementById(tabId(chosen))?.focus();
  };

  return (
    <div className="sidebar">
      <div className="sidebar-top">
        <SearchButton />
        <a href={hashForRoute({ kind: 'highlights' })} className="sidebar-view-link" aria-current={route.kind === 'highlights' ? 'page' : undefined}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="m12.5 3.5 4 4-7.5 7.5H5v-4zM3.5 17h13" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
          </svg>
          All highlights
        </a>
        <a href={hashForRoute({ kind: 'network' })} className="sidebar-view-link" aria-current={route.kind === 'network' ? 'page' : undefined}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 6.5 10 14l5-7.5M5 6.5h10" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <circle cx="5" cy="6.5" r="2.2" fill="currentColor" />
            <circle cx="15" cy="6.5" r="2.2" fill="currentColor" />
            <circle cx="10" cy="14" r="2.2" fill="currentColor" />
          </svg>
          Network
        </a>
        <a href={hashForRoute({ kind: 'timeline' })} className="sidebar-view-link" aria-current={route.kind === 'timeline' ? 'page' : undefined}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M2.5 10h15" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <rect x="4" y="5" width="5" height="3" rx="1" fill="currentColor" />
            <rect x="8" y="12" width="7" height="3" rx="1" fill="currentColor" />
          </svg>
          Timeline
        </a>
        <a href={hashForRoute({ kind: 'hypotheses' })} className="sidebar-view-link" aria-current={route.kind === 'hypotheses' ? 'page' : undefined}>
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M3 3.5h14v13H3zM3 8h14M3 12.5h14M8 3.5v13M12.5 3.5v13" fill="none" stroke="currentColor" strokeWidth="1.3" />
          </svg>
          Hypotheses
        </a>
        <div role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onTabKeyDown}>
          {SIDEBAR_VIEWS.map(({ id, label }) => (
            <button
              key={id}
              id={tabId(id)}
              type="button"
              role="tab"
              className="view-tab"
              aria-selected={id === view}
              aria-controls={panelId(id)}
              tabIndex={id === view ? 0 : -1}
              onClick={() => setView(id)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {SIDEBAR_VIEWS.map(({ id }) =>
        // The library is always there: it takes files dropped on the window whichever view shows.
        visited.has(id) || id === view || id === 'library' ? (
          <div key={id} id={panelId(id)} role="tabpanel" aria-labelledby={tabId(id)} className="view-panel" hidden={id !== view}>
            {panels[id]()}
          </div>
        ) : null,
      )}
    </div>
  );
}

const tabId = (view: SidebarView) => `view-tab-${view}`;
const panelId = (view: SidebarView) => `view-panel-${view}`;
