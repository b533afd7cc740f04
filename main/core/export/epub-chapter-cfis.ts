import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { openEpubArchive } from '../import/epub/epub-archive';
import { chapterCfi } from '../import/epub/epub-cfi';
import { readPackage } from '../import/epub/epub-package';

/**
 * Each EPUB's chapters as EPUB CFIs, by chapter ordinal, for these documents: read again from the
 * stored book, as its import read it, so they name the places a reading system finds in the same
 * file. A book whose package no longer reads (nothing in it changes, but a rule might) gets none.
 */
export function epubChapterCfis(library: Library, documentIds: Iterable<number>): Map<number, Array<string | null>> {
  const rows = prepare<[string], { document_id: number; bytes: Buffer; file_name: string | null }>(
    library.db,
    `SELECT f.document_id, f.bytes, d.file_name FROM document_files f JOIN documents d ON d.id = f.document_id
     WHERE f.media_type = 'application/epub+zip' AND f.document_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...documentIds]));
  const found = new Map<number, Array<string | null>>();
  for (const row of rows) {
    const name = row.file_name ?? 'book.epub';
    try {
      found.set(row.document_id, readPackage(name, openEpubArchive(name, row.bytes)).chapterCfiPaths.map((path) => path && chapterCfi(path)));
    } catch {
      continue;
    }
  }
  return found;
}
