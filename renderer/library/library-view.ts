import { tagKey } from '../../main/common/document-details';
import type { DocumentSummary } from '../../main/common/records';
import { DOCUMENT_SORTS, sortedDocuments, type DocumentSort } from '../../main/common/sort-orders';

/** How the Library list is shown: its order, and what narrows it (null: no narrowing). */
export interface LibraryView {
  sort: DocumentSort;
  collectionId: number | null;
  tag: string | null;
}

export const DEFAULT_LIBRARY_VIEW: LibraryView = { sort: 'title', collectionId: null, tag: null };

export function isDocumentSort(value: unknown): value is DocumentSort {
  return (DOCUMENT_SORTS as readonly unknown[]).includes(value);
}

/**
 * The documents the list shows, in the chosen order: those in the chosen collection and carrying
 * the chosen tag (a tag matches whatever its case, accents or spacing, as the core files it).
 */
export function documentsInView(documents: readonly DocumentSummary[], view: LibraryView): DocumentSummary[] {
  const wantedTag = view.tag === null ? null : tagKey(view.tag);
  const kept = documents.filter(
    (document) =>
      (view.collectionId === null || document.collectionIds.includes(view.collectionId)) &&
      (wantedTag === null || document.tags.some((tag) => tagKey(tag) === wantedTag)),
  );
  return sortedDocuments(kept, view.sort);
}

/** The year (or month, or day) a document was published, as a list row says it: "2012", "March 2012". */
export function formatPublished(published: string | null): string | null {
  if (!published) return null;
  const [year, month, day] = published.split('-').map(Number);
  if (month === undefined || year === undefined) return published;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  if (Number.isNaN(date.getTime())) return published;
  return new Intl.DateTimeFormat(undefined, day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The authors as a short line: "Doe", "Doe and Smith", "Doe et al." by the surname a bibliography files them under. */
export function shortAuthors(authors: readonly string[]): string | null {
  const surname = (author: string) => (author.includes(',') ? author.slice(0, author.indexOf(',')).trim() : (author.trim().split(/\s+/).pop() ?? author));
  if (authors.length === 0) return null;
  if (authors.length === 1) return surname(authors[0]!);
  if (authors.length === 2) return `${surname(authors[0]!)} and ${surname(authors[1]!)}`;
  return `${surname(authors[0]!)} et al.`;
}
