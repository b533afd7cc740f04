/**
 * The pages of a PDF and the chapters of an EPUB, as every layer names them: the core's exports,
 * the command line and the reader all cite a place the same way ("p. 12", or a chapter's title).
 */
export type DocumentPartKind = 'page' | 'chapter';

export interface DocumentPart {
  kind: DocumentPartKind;
  /** 0-based, in reading order; a page's number is ordinal + 1. */
  ordinal: number;
  /** A page's printed label ("iv", "12"), else its number; a chapter's title. */
  label: string;
  /** The part's range in the document's text, in the offsets a highlight's TextPosition uses. */
  startOffset: number;
  endOffset: number;
}

/** What a document read from a file is made of: null for a document that came as HTML, Markdown or text. */
export interface DocumentFileInfo {
  kind: 'pdf' | 'epub';
  mediaType: 'application/pdf' | 'application/epub+zip';
  byteSize: number;
  sha256: string;
  /** How its text was taken from the file (see the core's pdf-engine.ts). */
  extraction: string;
  /** False for a scan: there is no text to highlight or search. */
  hasText: boolean;
  /** Pages for a PDF, chapters for an EPUB. */
  partCount: number;
  /** The table of contents, each entry pointing at a part by ordinal (null: nowhere in this file). */
  outline: OutlineEntry[];
}

export interface OutlineEntry {
  title: string;
  part: number | null;
  items: OutlineEntry[];
}

export interface DocumentParts {
  file: DocumentFileInfo | null;
  parts: DocumentPart[];
  /** What documents.replace takes as its newer version: a PDF only a PDF, anything else any file. */
  replaceWith: 'pdf' | 'any';
}

/** How a place is cited: "p. 12" for a page (by its printed label), a chapter by its title. */
export function citePart(part: Pick<DocumentPart, 'kind' | 'label'>): string {
  return part.kind === 'page' ? `p. ${part.label}` : part.label;
}

/**
 * The part an offset falls in: the last one starting at or before it and ending after it (or at
 * it, for the end of the text). Parts are in order and do not overlap; empty ones (a page without
 * text) never hold an offset. Binary search: a book has hundreds of pages and an export asks once
 * a highlight.
 */
export function partAt<P extends DocumentPart>(parts: readonly P[], offset: number): P | null {
  let low = 0;
  let high = parts.length - 1;
  let found: P | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const part = parts[middle]!;
    if (part.startOffset <= offset) {
      if (part.endOffset > part.startOffset) found = part;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found && (offset < found.endOffset || (offset === found.endOffset && found === lastNonEmpty(parts)))) return found;
  return null;
}

function lastNonEmpty<P extends DocumentPart>(parts: readonly P[]): P | null {
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i]!.endOffset > parts[i]!.startOffset) return parts[i]!;
  return null;
}
