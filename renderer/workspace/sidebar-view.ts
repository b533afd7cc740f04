import { useStoredChoice } from '../lists/use-stored-choice';

/** The lists the sidebar shows one at a time, in the order of its tabs. */
export const SIDEBAR_VIEWS = [
  { id: 'library', label: 'Library' },
  { id: 'notes', label: 'Notes' },
  { id: 'actors', label: 'Actors' },
  { id: 'themes', label: 'Themes' },
] as const;

export type SidebarView = (typeof SIDEBAR_VIEWS)[number]['id'];

export function isSidebarView(value: unknown): value is SidebarView {
  return SIDEBAR_VIEWS.some((view) => view.id === value);
}

/** The view last chosen, kept across reloads, as an app keeps its open sidebar tab. */
export function useSidebarView(): [SidebarView, (view: SidebarView) => void] {
  return useStoredChoice('fieldbook.sidebar-view', isSidebarView, 'library');
}
