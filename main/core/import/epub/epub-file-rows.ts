import type { Library } from '../../db/library';
import { prepare } from '../../db/prepare';
import { EPUB_EXTRACTION, EPUB_MEDIA_TYPE, type PreparedEpub } from './prepare-epub';

/** The book's bytes, outline and chapters beside its document (migration 140); inside the caller's transaction. */
export function writeEpubFile(library: Library, documentId: number, book: PreparedEpub, bytes: Uint8Array): void {
  prepare(
    library.db,
    `INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, outline, bytes)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(documentId, EPUB_MEDIA_TYPE, book.sha256, bytes.byteLength, EPUB_EXTRACTION, JSON.stringify(book.outline), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const insertPart = prepare(
    library.db,
    `INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, 'chapter', ?, ?, ?, ?)`,
  );
  book.chapters.forEach((chapter, ordinal) => insertPart.run(documentId, ordinal, chapter.label, chapter.start, chapter.end));
}

/**
 * A document whose text is replaced no longer has the old file's chapters or pages: their offsets
 * counted in the old text. Inside the caller's transaction.
 */
export function forgetDocumentFile(library: Library, documentId: number): void {
  prepare(library.db, 'DELETE FROM document_parts WHERE document_id = ?').run(documentId);
  prepare(library.db, 'DELETE FROM document_files WHERE document_id = ?').run(documentId);
}

/** The document already holding these bytes, if one does. */
export function documentWithFile(library: Library, sha256: string): number | null {
  const row = prepare<[string], { document_id: number }>(library.db, 'SELECT document_id FROM document_files WHERE sha256 = ?').get(sha256);
  return row?.document_id ?? null;
}
