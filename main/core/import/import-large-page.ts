import type { ImportOutcome } from '../../common/records';
import { authorsFromByline } from '../../common/document-details';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { DocumentBodyWriter } from '../documents/document-body';
import { findDocumentIdByHash, getDocumentSummary, insertDocumentRow } from '../documents/document-repo';
import { largeArticleDetails } from './extract-large-article';
import { ImportRefusal } from './import-refusal';
import { scorePage } from './score-page';
import { writeArticle } from './stream-article';
import { titleFromFileName } from './title-from-file-name';

/**
 * A book-length saved page, written into the library as it is read: its article streams from the
 * page's second pass (stream-article.ts) into the document's pieces (document-body.ts), so no
 * copy of the whole book is ever held, by the import or by SQLite. Whether it is a duplicate is
 * known only once all its text has been read: the write is then undone, as is a page with no text.
 */
export function importLargePage(library: Library, fileName: string, readPage: () => Iterable<string>): ImportOutcome {
  const scores = scorePage(readPage);
  const { title, byline, sourceUrl, details } = largeArticleDetails(scores);
  try {
    return withSmallPageCache(library, () => library.write(() => {
      const uid = newUid();
      const id = insertDocumentRow(library, {
        uid,
        title: title?.trim() || titleFromFileName(fileName),
        byline,
        authors: authorsFromByline(byline),
        published: details?.published ?? null,
        publisher: details?.publisher ?? null,
        language: details?.language ?? null,
        sourceUrl,
        fileName,
        format: 'html',
        // Unique until the text has been read and hashed.
        contentHash: `unread ${uid}`,
        wordCount: 0,
        importedAt: nowIso(),
      });
      const body = new DocumentBodyWriter(library, id);
      writeArticle(readPage, scores, body);
      const { wordCount, contentHash } = body.finish();
      if (wordCount === 0) throw new ImportRefusal(fileName, 'no readable text was found in it');
      const existing = findDocumentIdByHash(library, contentHash);
      if (existing !== null) throw new AlreadyInLibrary(existing);
      prepare(library.db, 'UPDATE documents SET word_count = ?, content_hash = ? WHERE id = ?').run(wordCount, contentHash, id);
      return { fileName, status: 'imported', document: getDocumentSummary(library, id) };
    }));
  } catch (error) {
    if (!(error instanceof AlreadyInLibrary)) throw error;
    const document = getDocumentSummary(library, error.documentId);
    return { fileName, status: 'duplicate', document, message: `${fileName} is already in the library as “${document.title}”.` };
  }
}

/** Kibibytes of SQLite's page cache while a book is written (the library's own is 16 MB). */
const WRITING_CACHE_KIB = 1024;

/**
 * Runs `write` with a small page cache: a book's pages, its text, passages and index, are tens of
 * megabytes written once. In the cache they would cost as much memory again as the book; past a
 * small one they go on to the WAL as they fill, as the commit would write them anyway.
 */
function withSmallPageCache<T>(library: Library, write: () => T): T {
  const cacheSize = library.db.pragma('cache_size', { simple: true }) as number;
  library.db.pragma(`cache_size = ${-WRITING_CACHE_KIB}`);
  try {
    return write();
  } finally {
    library.db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Thrown to undo the write of a page whose text turned out to be a document's already here. */
class AlreadyInLibrary extends Error {
  constructor(readonly documentId: number) {
    super(`already in the library as document ${documentId}`);
  }
}
