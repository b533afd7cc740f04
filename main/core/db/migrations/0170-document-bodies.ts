import type Database from 'better-sqlite3';

/**
 * A document's HTML and text move out of its row into pieces (documents/document-body.ts): as one
 * value each, importing a 7 MB page took 160 MB beyond the app's own, in copies of the book that
 * SQLite and the passage trigger each needed whole. Now an import writes the book a piece at a
 * time as it reads it, and the row keeps only the document's details.
 *
 * The passages and their index are kept by a trigger on the text's pieces, as they were by one on
 * the row: each piece is cut into passages with its own offset added. The row's delete trigger
 * still takes the passages out of the index (it alone still has the title they were indexed
 * with); the pieces go with the row. Replacing a body is done by the core, in its transaction
 * (removeDocumentBody, then writeDocumentBody).
 *
 * `document_bodies` reads a whole body back, for the reader and the exports.
 *
 * Migration 150's index held every detail the list reads so that listing never crossed a row's
 * bodies: the row has none now, and is itself what the index was.
 *
 * Existing documents are cut as new ones are (`cutText` is documents/document-body.ts's) and
 * indexed afresh.
 */
export default function updateToSchemaVersion170(db: Database.Database, cutText: (text: string) => Array<{ start: number; end: number }>): void {
  db.exec(`
    CREATE TABLE document_text (
      id            INTEGER PRIMARY KEY,
      document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      start         INTEGER NOT NULL CHECK (start >= 0),
      "end"         INTEGER NOT NULL CHECK ("end" >= start),
      text          TEXT NOT NULL
    );
    CREATE UNIQUE INDEX document_text_in_order ON document_text(document_id, start);

    CREATE TABLE document_html (
      id            INTEGER PRIMARY KEY,
      document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      html          TEXT NOT NULL
    );
    CREATE INDEX document_html_in_order ON document_html(document_id, id);

    DROP INDEX documents_listed;
    DROP TRIGGER documents_passages_insert;
    DROP TRIGGER documents_passages_update_text;
    DROP TRIGGER documents_passages_update_title;

    CREATE TRIGGER document_text_passages AFTER INSERT ON document_text BEGIN
      INSERT INTO document_passages (document_id, start, "end", text)
        SELECT new.document_id, new.start + start, new.start + "end", text FROM fieldbook_passages(new.text);
      INSERT INTO documents_fts (rowid, title, text)
        SELECT p.id, d.title, p.text FROM document_passages p JOIN documents d ON d.id = p.document_id
        WHERE p.document_id = new.document_id AND p.start >= new.start AND (p.start < new."end" OR p.start = new.start);
    END;

    CREATE TRIGGER documents_passages_update_title AFTER UPDATE OF title ON documents
    WHEN old.title IS NOT new.title BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text)
        SELECT 'delete', id, old.title, text FROM document_passages WHERE document_id = old.id;
      INSERT INTO documents_fts (rowid, title, text)
        SELECT id, new.title, text FROM document_passages WHERE document_id = new.id;
    END;

    CREATE VIEW document_bodies AS
      SELECT d.id AS document_id,
        coalesce((SELECT group_concat(h.html, '' ORDER BY h.id) FROM document_html h WHERE h.document_id = d.id), '') AS html,
        coalesce((SELECT group_concat(t.text, '' ORDER BY t.start) FROM document_text t WHERE t.document_id = d.id), '') AS text
      FROM documents d;

    INSERT INTO documents_fts (documents_fts) VALUES ('delete-all');
    DELETE FROM document_passages;
  `);
  const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const body = db.prepare('SELECT html, text FROM documents WHERE id = ?');
  const addText = db.prepare('INSERT INTO document_text (document_id, start, "end", text) VALUES (?, ?, ?, ?)');
  const addHtml = db.prepare('INSERT INTO document_html (document_id, html) VALUES (?, ?)');
  for (const id of ids) {
    const { html, text } = body.get(id) as { html: string; text: string };
    for (const { start, end } of cutText(text)) addText.run(id, start, end, text.slice(start, end));
    addHtml.run(id, html);
  }
  db.exec(`
    ALTER TABLE documents DROP COLUMN html;
    ALTER TABLE documents DROP COLUMN text;
  `);
}
