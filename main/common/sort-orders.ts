/**
 * The orders Fieldbook lists things in, defined once: the core answers every list in these
 * orders, and the page uses the same functions when it sorts or places an item in a list it holds.
 */
import { foldCharacters } from './fold-text';
import type { Actor, DocumentSummary, Highlight, NoteSummary } from './records';

/**
 * A title or name as it sorts: case, accents and the kind of apostrophe aside (fold-text.ts), and
 * numbers by value ("Report 9" before "Report 10"). A key rather than Intl.Collator: the same in
 * Node and in any page whatever its language, and compared as plain strings, so a list of ten
 * thousand sorts in milliseconds.
 */
export function sortKey(text: string): string {
  return foldCharacters(text).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Two names alphabetically, as sortKey orders them. */
export const compareNames = (a: string, b: string): number => compareKeys(sortKey(a), sortKey(b));

/** Documents by title, then oldest first. */
export const byTitle = (a: Pick<DocumentSummary, 'title' | 'id'>, b: Pick<DocumentSummary, 'title' | 'id'>): number =>
  compareNames(a.title, b.title) || a.id - b.id;

/** Actors by name, then oldest first. */
export const byName = (a: Pick<Actor, 'name' | 'id'>, b: Pick<Actor, 'name' | 'id'>): number => compareNames(a.name, b.name) || a.id - b.id;

/** The order of byTitle or byName for a long list: each key computed once, not at every comparison. */
export function sortedByText<T extends { id: number }>(items: readonly T[], text: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: sortKey(text(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.item.id - b.item.id)
    .map(({ item }) => item);
}

/** Notes by their last change, newest first. */
export const byLastChange = (a: Pick<NoteSummary, 'updatedAt' | 'id'>, b: Pick<NoteSummary, 'updatedAt' | 'id'>): number =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id;

/** Highlights in reading order: by where they sit in the text; orphans, which sit nowhere, last. */
export const inReadingOrder = (
  a: Pick<Highlight, 'status' | 'start' | 'end' | 'id'>,
  b: Pick<Highlight, 'status' | 'start' | 'end' | 'id'>,
): number => Number(a.status === 'orphaned') - Number(b.status === 'orphaned') || a.start - b.start || a.end - b.end || a.id - b.id;
