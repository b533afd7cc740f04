import { lazy } from 'react';

/*
 * The views a document's first screen does not need, each in a chunk of its own: the note view
 * brings the Lexical editor, by far the largest part of the UI. Opening a document loads and runs
 * only the shell and the reader; these load when first shown, or ahead of that once the page has
 * painted (prefetchViews), so switching to them later does not wait.
 */
/** Set by the reader after the frame that shows an opened document's first screen. */
const FIRST_SCREEN_SHOWN = 'fieldbook:first-screen-shown';
/** Set after the frame that first shows the library's list (library/use-library.ts). */
const LIBRARY_SHOWN = 'fieldbook:library-shown';

const loadNoteView = () => import('./notes/NoteView');
const loadActorPageView = () => import('./actors/ActorPageView');
const loadThemePageView = () => import('./themes/ThemePageView');
const loadCoOccurrenceView = () => import('./themes/CoOccurrenceView');
const loadNetworkView = () => import('./network/NetworkView');
const loadTimelineView = () => import('./timeline/TimelineView');
const loadHypothesesView = () => import('./hypotheses/HypothesesView');

export const NoteView = lazy(() => loadNoteView().then((module) => ({ default: module.NoteView })));
export const ActorPageView = lazy(() => loadActorPageView().then((module) => ({ default: module.ActorPageView })));
export const ThemePageView = lazy(() => loadThemePageView().then((module) => ({ default: module.ThemePageView })));
export const CoOccurrenceView = lazy(() => loadCoOccurrenceView().then((module) => ({ default: module.CoOccurrenceView })));
export const NetworkView = lazy(() => loadNetworkView().then((module) => ({ default: module.NetworkView })));
export const TimelineView = lazy(() => loadTimelineView().then((module) => ({ default: module.TimelineView })));
export const HypothesesView = lazy(() => loadHypothesesView().then((module) => ({ default: module.HypothesesView })));

/** Loads the deferred views' code without showing them. A failure here is left to show itself if the view is opened. */
export function prefetchViews(): void {
  void loadNoteView().catch(() => {});
  void loadActorPageView().catch(() => {});
  void loadThemePageView().catch(() => {});
  void loadCoOccurrenceView().catch(() => {});
  void loadNetworkView().catch(() => {});
  void loadTimelineView().catch(() => {});
  void loadHypothesesView().catch(() => {});
}

/**
 * Prefetches once what opened first is on screen, and then when the page is idle: after the
 * reader's first screen when the app opens on a document, otherwise after the library's list.
 * Earlier, compiling the views competes with what the person is waiting for (with 10,000
 * documents, the idle moment while the library's answer is on its way came first).
 */
export function prefetchViewsWhenShown(openedOnDocument: boolean): void {
  const awaited = openedOnDocument ? FIRST_SCREEN_SHOWN : LIBRARY_SHOWN;
  const observer = new PerformanceObserver((marks) => {
    if (!marks.getEntriesByName(awaited).length) return;
    observer.disconnect();
    requestIdleCallback(prefetchViews);
  });
  observer.observe({ type: 'mark', buffered: true });
}
