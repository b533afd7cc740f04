import { citePart, partAt, type DocumentFileInfo, type DocumentPart, type DocumentPartKind, type DocumentParts, type OutlineEntry } from '../../common/document-parts';
import { areaCaption } from '../../common/highlight-area';
import type { Highlight, HighlightArea } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getDocumentSummary } from './document-repo';
import { replacementKind } from './replaceable';

/**
 * The reading side of a document's parts (migration 140), for every kind of file: a PDF's pages,
 * an EPUB's chapters. Exports, the command line and the reader ask it where a place in the text is.
 */

/** A document's parts in reading order; none for a document that came as HTML, Markdown or text. */
export function readDocumentParts(library: Library, documentId: number): DocumentPart[] {
  return prepare<[number], PartRow>(
    library.db,
    'SELECT kind, ordinal, label, start_offset, end_offset FROM document_parts WHERE document_id = ? ORDER BY start_offset, ordinal',
  )
    .all(documentId)
    .map((row) => ({ kind: row.kind, ordinal: row.ordinal, label: row.label, startOffset: row.start_offset, endOffset: row.end_offset }));
}

type PlacedHighlight = Pick<Highlight, 'start' | 'status' | 'area'>;

/**
 * The part a highlight starts in, or an area's page (a scan's pages hold no offsets to find it
 * by); none for an orphan, whose offsets name a text that is gone.
 */
export function partOfHighlight(parts: readonly DocumentPart[], highlight: PlacedHighlight): DocumentPart | null {
  if (highlight.status === 'orphaned' || parts.length === 0) return null;
  if (highlight.area) return pageNumbered(parts, highlight.area.page);
  return partAt(parts, highlight.start);
}

/** How an export cites where a highlight is: "p. 12", a chapter's title, or nothing for a document without parts. */
export function highlightCitation(parts: readonly DocumentPart[], highlight: PlacedHighlight): string | null {
  const part = partOfHighlight(parts, highlight);
  return part ? citePart(part) : null;
}

/** "Area on p. 12": how an area is named where a passage of text would be quoted. */
export function areaCaptionIn(parts: readonly DocumentPart[], area: Pick<HighlightArea, 'page'>): string {
  return areaCaption(citePart(pageNumbered(parts, area.page) ?? { kind: 'page', label: String(area.page) }));
}

/** A PDF's page by its number, counted from 1. */
export function pageNumbered(parts: readonly DocumentPart[], page: number): DocumentPart | null {
  return parts.find((part) => part.kind === 'page' && part.ordinal === page - 1) ?? null;
}

/** An area's caption ("Area on p. iv", by its page's printed label) for one area, without reading all its document's parts. */
export function areaCaptionOf(library: Library, documentId: number, area: Pick<HighlightArea, 'page'>): string {
  const page = prepare<[number, number], PartRow>(
    library.db,
    "SELECT kind, ordinal, label, start_offset, end_offset FROM document_parts WHERE document_id = ? AND kind = 'page' AND ordinal = ?",
  ).get(documentId, area.page - 1);
  return areaCaptionIn(page ? [{ kind: page.kind, ordinal: page.ordinal, label: page.label, startOffset: page.start_offset, endOffset: page.end_offset }] : [], area);
}

interface FileRow {
  media_type: DocumentFileInfo['mediaType'];
  sha256: string;
  byte_size: number;
  extraction: string;
  has_text: number;
  outline: string;
  part_count: number;
}

interface PartRow {
  kind: DocumentPartKind;
  ordinal: number;
  label: string;
  start_offset: number;
  end_offset: number;
}

/** A document's file (without its bytes) and its parts in order; no file and no parts for an HTML, Markdown or text one. */
export function documentParts(library: Library, documentId: number): DocumentParts {
  getDocumentSummary(library, documentId);
  const file = prepare<[number], FileRow>(
    library.db,
    `SELECT media_type, sha256, byte_size, extraction, has_text, outline,
       (SELECT count(*) FROM document_parts WHERE document_id = f.document_id) AS part_count
     FROM document_files f WHERE document_id = ?`,
  ).get(documentId);
  const parts = readDocumentParts(library, documentId);
  return {
    file: file
      ? {
          kind: file.media_type === 'application/pdf' ? 'pdf' : 'epub',
          mediaType: file.media_type,
          byteSize: file.byte_size,
          sha256: file.sha256,
          extraction: file.extraction,
          hasText: file.has_text === 1,
          partCount: file.part_count,
          outline: JSON.parse(file.outline) as OutlineEntry[],
        }
      : null,
    parts,
    replaceWith: replacementKind(file?.media_type ?? null),
  };
}
