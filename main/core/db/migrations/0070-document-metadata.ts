import type Database from 'better-sqlite3';
import { authorsFromByline } from '../../../common/document-details';

/**
 * The library becomes a research library: documents get the details a citation needs (ordered
 * authors, a date published that may be only a year or a month, publisher or outlet, language, a
 * free citation line), free tags, and collections (a document may be in several).
 *
 * Authors are a JSON array in one column: they are read and written as a whole, in order. The
 * byline a page printed stays as it was imported; authors start as that byline's names.
 *
 * Search finds documents by these details too: `document_details_fts` has one row per document
 * (its authors, publisher, citation, tags and collection names), which triggers keep true in the
 * transaction of any write that changes them, as the passage index is kept.
 *
 * Collections are a new kind of change in the log (a window's collection list follows them), so
 * the log's check is widened: the table is rebuilt, with its numbering carried on.
 */
export default function updateToSchemaVersion70(db: Database.Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors) AND json_type(authors) = 'array');
    ALTER TABLE documents ADD COLUMN published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]*');
    ALTER TABLE documents ADD COLUMN publisher TEXT;
    ALTER TABLE documents ADD COLUMN language TEXT;
    ALTER TABLE documents ADD COLUMN citation TEXT;

    CREATE TABLE collections (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      uid         TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL CHECK (length(name) > 0),
      -- The name up to case, accents and spacing: two collections cannot be told apart by those alone.
      name_key    TEXT NOT NULL UNIQUE,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );

    CREATE TABLE document_collections (
      document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      PRIMARY KEY (document_id, collection_id)
    ) WITHOUT ROWID;
    CREATE INDEX document_collections_by_collection ON document_collections(collection_id, document_id);

    CREATE TABLE document_tags (
      document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      tag          TEXT NOT NULL CHECK (length(tag) > 0),
      -- One tag per document up to case, accents and spacing.
      tag_key      TEXT NOT NULL,
      PRIMARY KEY (document_id, tag_key)
    ) WITHOUT ROWID;
    CREATE INDEX document_tags_by_key ON document_tags(tag_key, document_id);

    CREATE VIEW document_details_indexed AS
      SELECT d.id,
        coalesce((SELECT group_concat(value, ' | ') FROM json_each(d.authors)), '') AS authors,
        trim(coalesce(d.publisher, '') || ' ' || coalesce(d.citation, '')) AS publication,
        coalesce((SELECT group_concat(tag, ' | ') FROM document_tags WHERE document_id = d.id), '') AS tags,
        coalesce((SELECT group_concat(c.name, ' | ') FROM document_collections dc JOIN collections c ON c.id = dc.collection_id
                  WHERE dc.document_id = d.id), '') AS collections
      FROM documents d;

    CREATE VIRTUAL TABLE document_details_fts USING fts5(
      authors, publication, tags, collections, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
  `);

  const reindex = (documentId: string) => `
      DELETE FROM document_details_fts WHERE rowid = ${documentId};
      INSERT INTO document_details_fts (rowid, authors, publication, tags, collections)
        SELECT id, authors, publication, tags, collections FROM document_details_indexed WHERE id = ${documentId};`;
  db.exec(`
    CREATE TRIGGER document_details_insert AFTER INSERT ON documents BEGIN ${reindex('new.id')} END;
    CREATE TRIGGER document_details_update AFTER UPDATE OF authors, publisher, citation ON documents BEGIN ${reindex('new.id')} END;
    CREATE TRIGGER document_details_delete AFTER DELETE ON documents BEGIN
      DELETE FROM document_details_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER document_details_tag_insert AFTER INSERT ON document_tags BEGIN ${reindex('new.document_id')} END;
    CREATE TRIGGER document_details_tag_delete AFTER DELETE ON document_tags BEGIN ${reindex('old.document_id')} END;
    CREATE TRIGGER document_details_collection_insert AFTER INSERT ON document_collections BEGIN ${reindex('new.document_id')} END;
    CREATE TRIGGER document_details_collection_delete AFTER DELETE ON document_collections BEGIN ${reindex('old.document_id')} END;
    CREATE TRIGGER document_details_collection_rename AFTER UPDATE OF name ON collections BEGIN
      DELETE FROM document_details_fts WHERE rowid IN (SELECT document_id FROM document_collections WHERE collection_id = new.id);
      INSERT INTO document_details_fts (rowid, authors, publication, tags, collections)
        SELECT id, authors, publication, tags, collections FROM document_details_indexed
        WHERE id IN (SELECT document_id FROM document_collections WHERE collection_id = new.id);
    END;
  `);

  widenChangeLog(db);
  const logged = (table: string, kind: string, column: string, event: 'INSERT' | 'UPDATE' | 'DELETE') => {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    return `CREATE TRIGGER change_log_${table}_${kind}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
        INSERT INTO change_log (kind, row_id) VALUES ('${kind}', ${row}.${column});
      END;`;
  };
  db.exec(
    [
      ...(['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => logged('collections', 'collection', 'id', event)),
      // Tags and collections are part of what a document's summary shows; a membership changes its collection's count.
      ...(['INSERT', 'DELETE'] as const).flatMap((event) => [
        logged('document_tags', 'document', 'document_id', event),
        logged('document_collections', 'document', 'document_id', event),
        logged('document_collections', 'collection', 'collection_id', event),
      ]),
    ].join('\n'),
  );

  const setAuthors = db.prepare('UPDATE documents SET authors = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, byline FROM documents WHERE byline IS NOT NULL').all() as Array<{ id: number; byline: string }>) {
    const authors = authorsFromByline(row.byline);
    if (authors.length > 0) setAuthors.run(JSON.stringify(authors), row.id);
  }
  // The authors just set were indexed by their trigger; the whole index is built once, afresh.
  db.exec(`
    DELETE FROM document_details_fts;
    INSERT INTO document_details_fts (rowid, authors, publication, tags, collections)
      SELECT id, authors, publication, tags, collections FROM document_details_indexed;
  `);
}

/**
 * SQLite cannot change a CHECK in place. The new table takes the old one's rows and its place;
 * the triggers on other tables name the log only when they run, and legacy renaming leaves their
 * text alone while the name is briefly missing.
 */
function widenChangeLog(db: Database.Database): void {
  const next = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  db.exec(`
    CREATE TABLE change_log_widened (
      seq     INTEGER PRIMARY KEY AUTOINCREMENT,
      kind    TEXT NOT NULL CHECK (kind IN ('document', 'highlight', 'actor', 'note', 'collection')),
      row_id  INTEGER NOT NULL
    );
    INSERT INTO change_log_widened (seq, kind, row_id) SELECT seq, kind, row_id FROM change_log;
    DROP TABLE change_log;
  `);
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE change_log_widened RENAME TO change_log;');
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  // The numbering carries on even when pruning had emptied the log, so a window's last seen seq stays behind it.
  db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'change_log'").run(next);
  db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'change_log', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'change_log')").run(next);
  db.exec(`
    CREATE TRIGGER change_log_prune AFTER INSERT ON change_log BEGIN
      DELETE FROM change_log WHERE seq <= NEW.seq - 10000;
    END;
  `);
}
