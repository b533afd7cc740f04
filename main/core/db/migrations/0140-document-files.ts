import type Database from 'better-sqlite3';

/**
 * PDF and EPUB (issue #16): a document that came as a file keeps that file, because its pages are
 * drawn from it (a PDF) or it may be exported or read again as it came (an EPUB). The document's
 * text and HTML stay in `documents` as for every other document, so search, highlights, mentions
 * and exports read them the same way; `documents.format` says what the body is ('html'), and
 * this row says where it came from.
 *
 * - `sha256` is the identity of the bytes: pdf.js's fingerprint is not one (three different
 *   generated PDFs without a trailer /ID gave the same fingerprint).
 * - `extraction` names how the text was taken from the file (library, version, and the joining
 *   rules' own version), so a later change of pdf.js cannot silently shift highlights' offsets: a
 *   document whose extraction differs from today's is re-extracted and re-anchored, not trusted.
 * - `has_text` is 0 for a scan: its pages are shown, but there is no text to highlight or search.
 * - `outline` is the table of contents as JSON (a PDF's outline, an EPUB's nav or NCX).
 *
 * `document_parts` cuts the text into pages (PDF) or chapters (EPUB), in the offsets highlights'
 * TextPosition uses, so any place in the text can say "p. 12" or which chapter it is in. `label`
 * is what a reader calls the part: a page's printed label when the PDF has one, else its number;
 * a chapter's title.
 *
 * A file and its parts belong to their document, so its change-log entries cover them; they are
 * written once, in the import's transaction, and leave with the document by cascade.
 */
export default function updateToSchemaVersion140(db: Database.Database): void {
  db.exec(`
    CREATE TABLE document_files (
      document_id   INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      media_type    TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'application/epub+zip')),
      sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      byte_size     INTEGER NOT NULL CHECK (byte_size > 0),
      extraction    TEXT NOT NULL CHECK (length(extraction) > 0),
      has_text      INTEGER NOT NULL CHECK (has_text IN (0, 1)),
      outline       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outline)),
      -- The bytes come last: reading the columns before them does not touch their pages.
      bytes         BLOB NOT NULL
    );

    CREATE TABLE document_parts (
      document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL CHECK (kind IN ('page', 'chapter')),
      ordinal       INTEGER NOT NULL CHECK (ordinal >= 0),
      label         TEXT NOT NULL,
      start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset    INTEGER NOT NULL CHECK (end_offset >= start_offset),
      PRIMARY KEY (document_id, kind, ordinal)
    ) WITHOUT ROWID;
  `);
}
