import type { DocumentSummary } from '../main/common/records';

const wholeNumber = new Intl.NumberFormat();
const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function formatWordCount(count: number): string {
  return `${wholeNumber.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

export function formatImportedDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** Where the document came from, in full: the page address or the file name. */
export function sourceOf(doc: DocumentSummary): string | null {
  return doc.sourceUrl ?? doc.fileName;
}

/** A short form of the source for the library list, where a full address would not fit. */
export function shortSourceOf(doc: DocumentSummary): string | null {
  if (doc.sourceUrl) {
    try {
      return new URL(doc.sourceUrl).hostname.replace(/^www\./, '') || doc.sourceUrl;
    } catch {
      return doc.sourceUrl;
    }
  }
  return doc.fileName;
}
