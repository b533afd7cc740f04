import type Database from 'better-sqlite3';

/**
 * Takes a library back to schema 160, before migration 170's bodies in pieces: each body whole in
 * its row again, with the row's passage triggers. Used by tests only.
 */
export function undoMigration170(db: Database.Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN html TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN text TEXT NOT NULL DEFAULT '';
    UPDATE documents SET html = (SELECT html FROM document_bodies WHERE document_id = documents.id),
      text = (SELECT text FROM document_bodies WHERE document_id = documents.id);
    DROP VIEW document_bodies;
    DROP TRIGGER document_text_passages;
    DROP TRIGGER documents_passages_update_title;
    DROP TABLE document_text;
    DROP TABLE document_html;
    CREATE INDEX documents_listed ON documents(
      title, uid, byline, source_url, file_name, format, word_count, imported_at, updated_at,
      authors, published, publisher, language, citation, reliability, credibility
    );

    CREATE TRIGGER documents_passages_insert AFTER INSERT ON documents BEGIN
      INSERT INTO document_passages (document_id, start, "end", text)
        SELECT new.id, start, "end", text FROM fieldbook_passages(new.text);
      INSERT INTO documents_fts (rowid, title, text)
        SELECT id, new.title, text FROM document_passages WHERE document_id = new.id;
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
  `);
}
