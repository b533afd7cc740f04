import type { ImportOutcome } from '../../../common/records';
import { newUid, nowIso } from '../../clock';
import type { Library } from '../../db/library';
import { findDocumentIdByHash, getDocumentSummary, insertDocument } from '../../documents/document-repo';
import { ImportRefusal } from '../import-refusal';
import { documentWithFile, writeEpubFile } from './epub-file-rows';
import { prepareEpub, type PreparedEpub } from './prepare-epub';

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
    // A document replaced since by another version keeps its file's hash apart from its text's.
    const existing = findDocumentIdByHash(library, book.document.contentHash) ?? documentWithFile(library, book.sha256);
    if (existing !== null) {
      const document = getDocumentSummary(library, existing);
      return { fileName: name, status: 'duplicate', document, message: `${name} is already in the library as “${document.title}”.` };
    }
    const id = insertDocument(library, { ...book.document, uid: newUid(), fileName: name, importedAt: nowIso() });
    writeEpubFile(library, id, book, bytes);
    return { fileName: name, status: 'imported', document: getDocumentSummary(library, id) };
  });
}
