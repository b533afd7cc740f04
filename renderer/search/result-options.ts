import type { SearchResults } from '../../main/common/records';

export type SearchKind = 'document' | 'highlight' | 'note' | 'actor' | 'theme' | 'analysis';

/** One result as the list offers it; `key` is unique across kinds and names its option element. */
export type ResultOption =
  | { kind: 'document'; key: string; result: SearchResults['documents'][number] }
  | { kind: 'highlight'; key: string; result: SearchResults['highlights'][number] }
  | { kind: 'note'; key: string; result: SearchResults['notes'][number] }
  | { kind: 'actor'; key: string; result: SearchResults['actors'][number] }
  | { kind: 'theme'; key: string; result: SearchResults['themes'][number] }
  | { kind: 'analysis'; key: string; result: SearchResults['analyses'][number] };

export interface ResultGroup {
  kind: SearchKind;
  heading: string;
  options: ResultOption[];
}

/** The kinds in the order the list shows them, with their headings and filter labels. */
export const KINDS: ReadonlyArray<{ kind: SearchKind; label: string }> = [
  { kind: 'document', label: 'Documents' },
  { kind: 'highlight', label: 'Highlights' },
  { kind: 'note', label: 'Notes' },
  { kind: 'actor', label: 'Actors' },
  { kind: 'theme', label: 'Themes' },
  { kind: 'analysis', label: 'Analyses' },
];

/** The non-empty groups, each kind best first as the core ranked them. */
export function resultGroups(results: SearchResults): ResultGroup[] {
  const byKind: Record<SearchKind, ResultOption[]> = {
    document: results.documents.map((result) => ({ kind: 'document', key: `document-${result.id}`, result })),
    highlight: results.highlights.map((result) => ({ kind: 'highlight', key: `highlight-${result.id}`, result })),
    note: results.notes.map((result) => ({ kind: 'note', key: `note-${result.id}`, result })),
    actor: results.actors.map((result) => ({ kind: 'actor', key: `actor-${result.id}`, result })),
    theme: results.themes.map((result) => ({ kind: 'theme', key: `theme-${result.id}`, result })),
    analysis: results.analyses.map((result) => ({ kind: 'analysis', key: `analysis-${result.id}`, result })),
  };
  return KINDS.map(({ kind, label }) => ({ kind, heading: label, options: byKind[kind] })).filter((group) => group.options.length > 0);
}

/**
 * Where the active result goes for a key pressed in the search box, across group boundaries and
 * round from the last to the first; null for keys that belong to the text in the box.
 */
export function moveActive(active: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : (active + 1) % count;
    case 'ArrowUp':
      return active < 0 ? count - 1 : (active - 1 + count) % count;
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, active) + 5);
    case 'PageUp':
      return Math.max(0, active - 5);
    default:
      return null;
  }
}
