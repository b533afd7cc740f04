import { useCallback, useState } from 'react';

/** The lists the sidebar shows one at a time, in the order of its tabs. */
export const SIDEBAR_VIEWS = [
  { id: 'library', label: 'Library' },
  { id: 'notes', label: 'Notes' },
  { id: 'actors', label: 'Actors' },
  { id: 'themes', label: 'Themes' },
] as const;

export type SidebarView = (typeof SIDEBAR_VIEWS)[number]['id'];

const STORAGE_KEY = 'fieldbook.sidebar-view';

export function isSidebarView(value: unknown): value is SidebarView {
  return SIDEBAR_VIEWS.some((view) => view.id === value);
}

function storedView(): SidebarView {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isSidebarView(stored) ? stored : 'library';
  } catch {
    return 'library';
  }
}

/** The view last chosen, kept across reloads, as an app keeps its open sidebar tab. */
export function useSidebarView(): [SidebarView, (view: SidebarView) => void] {
  const [view, setView] = useState(storedView);
  const choose = useCallback((next: SidebarView) => {
    setView(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused (private mode, quota): the choice holds for this session.
    }
  }, []);
  return [view, choose];
}
