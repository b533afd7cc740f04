import type Database from 'better-sqlite3';

/**
 * Documents are indexed by passage instead of as one row each. A whole-document row made FTS5's
 * snippet() re-read and re-tokenise an entire book for every result (seconds for a common word),
 * and a result could only point somewhere in the document. Now a row is a passage of at most
 * about 1,500 characters (see search/passages.ts) with its offsets in the document's text: a
 * snippet reads one passage, and a document result is its best passage.
 *
 * Search follows typing, so the last word is nearly always a prefix: a prefix index of four
 * letters as well as two and three keeps "trib", "timb" from merging thousands of word lists.
 *
 * Each passage row carries its document's title (weighted higher in ranking), so a query whose
 * words fall between the title and the text still finds the document.
 *
 * The triggers on `documents` keep the passages and their index in the statement that writes the
 * document, whoever writes it. They cut the text with fieldbook_passages(), a function every
 * connection registers (see search/passage-functions.ts). Passages have no foreign key on
 * purpose: a cascade would delete them before the trigger could tell FTS5 what it had indexed.
 */
export default function updateToSchemaVersion20(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER documents_fts_insert;
    DROP TRIGGER documents_fts_delete;
    DROP TRIGGER documents_fts_update;
    DROP TABLE documents_fts;

    CREATE TABLE document_passages (
      id            INTEGER PRIMARY KEY,
      document_id   INTEGER NOT NULL,
      start         INTEGER NOT NULL CHECK (start >= 0),
      "end"         INTEGER NOT NULL CHECK ("end" >= start),
      text          TEXT NOT NULL
    );
    CREATE INDEX document_passages_by_document ON document_passages(document_id, start);

    -- What the index holds for a passage, read back by snippet() and by 'rebuild'.
    CREATE VIEW document_passages_indexed AS
      SELECT p.id, d.title, p.text FROM document_passages p JOIN documents d ON d.id = p.document_id;

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text, content = 'document_passages_indexed', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );

    CREATE TRIGGER documents_passages_insert AFTER INSERT ON documents BEGIN
      INSERT INTO document_passages (document_id, start, "end", text)
        SELECT new.id, start, "end", text FROM fieldbook_passages(new.text);
      INSERT INTO documents_fts (rowid, title, text)
        SELECT id, new.title, text FROM document_passages WHERE document_id = new.id;
    END;

    CREATE TRIGGER documents_passages_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text)
        SELECT 'delete', id, old.title, text FROM document_passages WHERE document_id = old.id;
      DELETE FROM document_passages WHERE document_id = old.id;
    END;

    CREATE TRIGGER documents_passages_update_text AFTER UPDATE OF title, text ON documents
    WHEN old.text IS NOT new.text BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text)
        SELECT 'delete', id, old.title, text FROM document_passages WHERE document_id = old.id;
      DELETE FROM document_passages WHERE document_id = old.id;
      INSERT INTO document_passages (document_id, start, "end", text)
        SELECT new.id, start, "end", text FROM fieldbook_passages(new.text);
      INSERT INTO documents_fts (rowid, title, text)
        SELECT id, new.title, text FROM document_passages WHERE document_id = new.id;
    END;

    CREATE TRIGGER documents_passages_update_title AFTER UPDATE OF title, text ON documents
    WHEN old.text IS new.text AND old.title IS NOT new.title BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text)
        SELECT 'delete', id, old.title, text FROM document_passages WHERE document_id = old.id;
      INSERT INTO documents_fts (rowid, title, text)
        SELECT id, new.title, text FROM document_passages WHERE document_id = new.id;
    END;

    INSERT INTO document_passages (document_id, start, "end", text)
      SELECT d.id, s.start, s."end", s.text FROM documents d, fieldbook_passages(d.text) s;
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
  `);
}
