import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the main area shows lives in the URL hash, so a reload (or Back) returns to it:
 * #/document/12, #/document/12/highlight/5 (scrolled to a passage), #/document/12/at/340-344 (scrolled
 * to those words, as a mention on an actor's page), #/note/3, #/actor/4, #/theme/5, #/highlights, #/co-occurrence, #/network, #/timeline,
 * #/hypotheses (#/hypotheses/7: one analysis).
 */
export type Route =
  | { kind: 'home' }
  | { kind: 'document'; id: number; highlightId?: number; at?: { start: number; end: number } }
  | { kind: 'note'; id: number }
  | { kind: 'actor'; id: number }
  | { kind: 'theme'; id: number }
  | { kind: 'highlights' }
  | { kind: 'co-occurrence' }
  | { kind: 'network' }
  | { kind: 'timeline' }
  | { kind: 'hypotheses'; id?: number };

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Route]> = [
  [/^#\/document\/([1-9]\d*)\/highlight\/([1-9]\d*)$/, (m) => ({ kind: 'document', id: Number(m[1]), highlightId: Number(m[2]) })],
  [/^#\/document\/([1-9]\d*)\/at\/(\d+)-(\d+)$/, (m) => ({ kind: 'document', id: Number(m[1]), at: { start: Number(m[2]), end: Number(m[3]) } })],
  [/^#\/document\/([1-9]\d*)$/, (m) => ({ kind: 'document', id: Number(m[1]) })],
  [/^#\/note\/([1-9]\d*)$/, (m) => ({ kind: 'note', id: Number(m[1]) })],
  [/^#\/actor\/([1-9]\d*)$/, (m) => ({ kind: 'actor', id: Number(m[1]) })],
  [/^#\/theme\/([1-9]\d*)$/, (m) => ({ kind: 'theme', id: Number(m[1]) })],
  [/^#\/highlights$/, () => ({ kind: 'highlights' })],
  [/^#\/co-occurrence$/, () => ({ kind: 'co-occurrence' })],
  [/^#\/network$/, () => ({ kind: 'network' })],
  [/^#\/timeline$/, () => ({ kind: 'timeline' })],
  [/^#\/hypotheses$/, () => ({ kind: 'hypotheses' })],
  [/^#\/hypotheses\/([1-9]\d*)$/, (m) => ({ kind: 'hypotheses', id: Number(m[1]) })],
];

export function routeFromHash(hash: string): Route {
  for (const [pattern, toRoute] of PATTERNS) {
    const match = pattern.exec(hash);
    if (match) return toRoute(match);
  }
  return { kind: 'home' };
}

export function hashForRoute(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'document':
      if (route.highlightId) return `#/document/${route.id}/highlight/${route.highlightId}`;
      if (route.at) return `#/document/${route.id}/at/${route.at.start}-${route.at.end}`;
      return `#/document/${route.id}`;
    case 'note':
      return `#/note/${route.id}`;
    case 'actor':
      return `#/actor/${route.id}`;
    case 'theme':
      return `#/theme/${route.id}`;
    case 'highlights':
      return '#/highlights';
    case 'co-occurrence':
      return '#/co-occurrence';
    case 'network':
      return '#/network';
    case 'timeline':
      return '#/timeline';
    case 'hypotheses':
      return route.id ? `#/hypotheses/${route.id}` : '#/hypotheses';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hashForRoute(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route the URL asks for. The hash string is the snapshot, so an unchanged URL never re-renders. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return routeFromHash(hash);
}

/** The open document's id (null when the main area shows something else), and a way to open one. */
export function useDocumentRoute(): [number | null, (id: number) => void] {
  const route = useRoute();
  const open = useCallback((id: number) => navigate({ kind: 'document', id }), []);
  return [route.kind === 'document' ? route.id : null, open];
}
