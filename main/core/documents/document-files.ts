import type { DocumentFileInfo, DocumentPart, DocumentPartKind, OutlineEntry } from '../../common/document-parts';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { getDocumentSummary } from './document-repo';

/** The file a PDF or EPUB document came as, to store with it (migration 140). */
export interface NewDocumentFile {
  mediaType: DocumentFileInfo['mediaType'];
  sha256: string;
  extraction: string;
  hasText: boolean;
  outline: OutlineEntry[];
  bytes: Uint8Array;
}

export type NewDocumentPart = Omit<DocumentPart, 'kind'>;

/** Writes a document's file and its parts; the caller holds the transaction that wrote the document. */
export function insertDocumentFile(library: Library, documentId: number, file: NewDocumentFile, kind: DocumentPartKind, parts: readonly NewDocumentPart[]): void {
  prepare(
    library.db,
    `INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, outline, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(documentId, file.mediaType, file.sha256, file.bytes.byteLength, file.extraction, file.hasText ? 1 : 0, JSON.stringify(file.outline), Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  const insert = prepare(
    library.db,
    'INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const part of parts) insert.run(documentId, kind, part.ordinal, part.label, part.startOffset, part.endOffset);
}

/**
 * A file-backed document's content hash (documents.content_hash, UNIQUE): its bytes' SHA-256,
 * marked apart from a text's, since two scans both have empty text and must not collide.
 */
export const fileContentHash = (sha256: string): string => `file:${sha256}`;

/** The document whose file has these bytes: a PDF's identity is its bytes, not its text (two scans have none). */
export function findDocumentIdByFile(library: Library, sha256: string): number | null {
  return prepare<[string], { document_id: number }>(library.db, 'SELECT document_id FROM document_files WHERE sha256 = ?').get(sha256)?.document_id ?? null;
}

/** The bytes a document came as, for a viewer that draws its pages; refused for a document that came as text. */
export function documentFileBytes(library: Library, documentId: number): { mediaType: DocumentFileInfo['mediaType']; fileName: string | null; bytes: Buffer } {
  const document = getDocumentSummary(library, documentId);
  const row = prepare<[number], { media_type: DocumentFileInfo['mediaType']; bytes: Buffer }>(
    library.db,
    'SELECT media_type, bytes FROM document_files WHERE document_id = ?',
  ).get(documentId);
  if (!row) throw new FieldbookError('not_found', `“${document.title}” did not come as a PDF or EPUB file: it has no file to open.`);
  return { mediaType: row.media_type, fileName: document.fileName, bytes: row.bytes };
}
