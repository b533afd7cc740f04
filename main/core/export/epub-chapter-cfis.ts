import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { openEpubArchive } from '../import/epub/epub-archive';
import { chapterCfi } from '../import/epub/epub-cfi';
import { readPackage } from '../import/epub/epub-package';
import { EPUB_EXTRACTION } from '../import/epub/prepare-epub';

/**
 * Each EPUB's chapters as EPUB CFIs, by chapter ordinal, for these documents: read again from the
 * stored book, as its import read it, so they name the places a reading system finds in the same
 * file. A book taken by other rules than today's (its extraction differs, or its chapters do not
 * count the same) gets none rather than CFIs that might name other chapters; so does one whose
 * package no longer reads.
 */
export function epubChapterCfis(library: Library, documentIds: Iterable<number>): Map<number, Array<string | null>> {
  const books = prepare<[string, string], { document_id: number; bytes: Buffer; file_name: string | null; chapters: number }>(
    library.db,
    `SELECT f.document_id, f.bytes, d.file_name,
       (SELECT count(*) FROM document_parts p WHERE p.document_id = f.document_id AND p.kind = 'chapter') AS chapters
     FROM document_files f JOIN documents d ON d.id = f.document_id
     WHERE f.media_type = 'application/epub+zip' AND f.extraction = ? AND f.document_id IN (SELECT value FROM json_each(?))`,
  );
  const found = new Map<number, Array<string | null>>();
  // One book's bytes at a time.
  for (const book of books.iterate(EPUB_EXTRACTION, JSON.stringify([...documentIds]))) {
    const name = book.file_name ?? 'book.epub';
    try {
      const paths = readPackage(name, openEpubArchive(name, book.bytes)).chapterCfiPaths;
      if (paths.length === book.chapters) found.set(book.document_id, paths.map((path) => path && chapterCfi(path)));
    } catch {
      continue;
    }
  }
  return found;
}
