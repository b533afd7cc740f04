import type { DocumentSort } from '../../main/common/sort-orders';
import { useStoredChoice } from '../lists/use-stored-choice';
import { isDocumentSort, type LibraryView } from './library-view';

type Narrowing = Pick<LibraryView, 'collectionId' | 'tag'>;
const NOT_NARROWED: Narrowing = { collectionId: null, tag: null };

function isNarrowing(value: unknown): value is Narrowing {
  if (typeof value !== 'object' || value === null) return false;
  const { collectionId, tag } = value as Record<string, unknown>;
  return (collectionId === null || (typeof collectionId === 'number' && Number.isSafeInteger(collectionId))) && (tag === null || typeof tag === 'string');
}

/** The Library's order, kept across reloads as the chosen sidebar view is. */
export function useLibrarySort(): [DocumentSort, (sort: DocumentSort) => void] {
  return useStoredChoice('fieldbook.library-sort', isDocumentSort, 'title');
}

/** The collection and tag the Library is narrowed to, kept across reloads too. */
export function useLibraryNarrowing(): [Narrowing, (narrowing: Narrowing) => void] {
  return useStoredChoice('fieldbook.library-narrowing', isNarrowing, NOT_NARROWED);
}
