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

/**
 * Highlights in reading order: by where they sit in the text; orphans, which sit nowhere, last. An
 * area sits (empty) at its page's first offset, so it comes before the passages starting there;
 * areas at one offset go by page (a scan's pages all start at 0), then from the top of the page.
 */
export const inReadingOrder = (
  a: Pick<Highlight, 'status' | 'start' | 'end' | 'id' | 'area'>,
  b: Pick<Highlight, 'status' | 'start' | 'end' | 'id' | 'area'>,
): number =>
  Number(a.status === 'orphaned') - Number(b.status === 'orphaned') ||
  a.start - b.start ||
  a.end - b.end ||
  (a.area?.page ?? 0) - (b.area?.page ?? 0) ||
  (a.area?.y ?? 0) - (b.area?.y ?? 0) ||
  (a.area?.x ?? 0) - (b.area?.x ?? 0) ||
  a.id - b.id;

/** The orders the library can be listed in, each in the direction a reader expects first. */
export const DOCUMENT_SORTS = ['title', 'author', 'published', 'added', 'opened'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export const DOCUMENT_SORT_LABELS: Record<DocumentSort, string> = {
  title: 'Title',
  author: 'Author',
  published: 'Date published',
  added: 'Date added',
  opened: 'Last opened',
};

type SortedDocument = Pick<DocumentSummary, 'id' | 'title' | 'authors' | 'published' | 'importedAt' | 'lastOpenedAt'>;

/**
 * An author as a bibliography files them: by surname ("Doe, Jane" and "Jane Doe" both under D),
 * then the rest of the name.
 */
export function authorSortKey(author: string): string {
  const comma = author.indexOf(',');
  if (comma > 0) return sortKey(`${author.slice(0, comma)} ${author.slice(comma + 1)}`);
  const words = author.trim().split(/\s+/);
  const surname = words.pop() ?? '';
  return sortKey([surname, ...words].join(' '));
}

/**
 * Documents in one of DOCUMENT_SORTS. Titles and authors A to Z; dates newest first. Whatever has
 * no value for the order (no author, no date, never opened) comes last, by title, so a half-filled
 * library still reads sensibly. A partial date counts as the start of what it names: newest first,
 * "2012-03-14" comes before "2012-03", which comes before "2012".
 */
export function sortedDocuments<T extends SortedDocument>(documents: readonly T[], sort: DocumentSort): T[] {
  const primary = (document: T): string | null => {
    switch (sort) {
      case 'title':
        return null;
      case 'author':
        return document.authors.length > 0 ? document.authors.map(authorSortKey).join('\u0001') : null;
      case 'published':
        return document.published;
      case 'added':
        return document.importedAt;
      case 'opened':
        return document.lastOpenedAt;
    }
  };
  const descending = sort === 'published' || sort === 'added' || sort === 'opened';
  return documents
    .map((item) => ({ item, key: primary(item), title: sortKey(item.title) }))
    .sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        // ISO text orders as time does, and a partial date sorts before the days it holds ("2012" < "2012-03").
        const order = compareKeys(a.key, b.key);
        if (order !== 0) return descending ? -order : order;
      }
      return compareKeys(a.title, b.title) || a.item.id - b.item.id;
    })
    .map(({ item }) => item);
}

