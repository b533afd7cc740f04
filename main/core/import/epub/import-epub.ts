import type { ImportOutcome } from '../../../common/records';
import { newUid, nowIso } from '../../clock';
import type { Library } from '../../db/library';
import { prepare } from '../../db/prepare';
import { findDocumentIdByHash, getDocumentSummary, insertDocument } from '../../documents/document-repo';
import { ImportRefusal } from '../import-refusal';
import { EPUB_EXTRACTION, EPUB_MEDIA_TYPE, prepareEpub, type PreparedEpub } from './prepare-epub';

/**
 * Imports one EPUB as one document: its text and HTML as any document's, its bytes, contents and
 * chapters beside them (migration 140), all in one transaction. A refused book writes nothing.
 */
export function importEpub(library: Library, name: string, bytes: Uint8Array): ImportOutcome {
  let book: PreparedEpub;
  try {
    book = prepareEpub(name, bytes);
  } catch (error) {
    if (error instanceof ImportRefusal) return { fileName: name, status: 'refused', message: `${error.message} Nothing was added to the library.` };
    throw error;
  }
  return library.write(() => {
    const existing = findDocumentIdByHash(library, book.document.contentHash) ?? documentWithFile(library, book.sha256);
    if (existing !== null) {
      const document = getDocumentSummary(library, existing);
      return { fileName: name, status: 'duplicate', document, message: `${name} is already in the library as “${document.title}”.` };
    }
    const id = insertDocument(library, { ...book.document, uid: newUid(), fileName: name, importedAt: nowIso() });
    prepare(
      library.db,
      `INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, outline, bytes)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    ).run(id, EPUB_MEDIA_TYPE, book.sha256, bytes.byteLength, EPUB_EXTRACTION, JSON.stringify(book.outline), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const insertPart = prepare(
      library.db,
      `INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, 'chapter', ?, ?, ?, ?)`,
    );
    book.chapters.forEach((chapter, ordinal) => insertPart.run(id, ordinal, chapter.label, chapter.start, chapter.end));
    return { fileName: name, status: 'imported', document: getDocumentSummary(library, id) };
  });
}

/** A document whose hash was changed since (a replace) still holds the same file. */
function documentWithFile(library: Library, sha256: string): number | null {
  const row = prepare<[string], { document_id: number }>(library.db, 'SELECT document_id FROM document_files WHERE sha256 = ?').get(sha256);
  return row?.document_id ?? null;
}
