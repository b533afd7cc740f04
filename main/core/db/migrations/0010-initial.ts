import type Database from 'better-sqlite3';

/**
 * The whole product's schema, designed up front so later features extend it rather than rework it.
 * Integer ids are local and never reused (AUTOINCREMENT): a note that mentions a deleted actor must
 * not come to mention the next actor created. `uid` is the stable identity used by exports,
 * archives and W3C annotation ids.
 * Full-text tables use external content so no text is stored twice, and triggers keep them true
 * inside the same transaction as the write that changed the row.
 */
export default function updateToSchemaVersion10(db: Database.Database): void {
  db.exec(`
    CREATE TABLE documents (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      uid           TEXT NOT NULL UNIQUE,
      title         TEXT NOT NULL CHECK (length(title) > 0),
      byline        TEXT,
      source_url    TEXT,
      file_name     TEXT,
      format        TEXT NOT NULL CHECK (format IN ('html', 'markdown', 'text')),
      word_count    INTEGER NOT NULL,
      content_hash  TEXT NOT NULL UNIQUE,
      imported_at   TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      -- The bodies come last: listing reads the columns before them without touching their pages.
      html          TEXT NOT NULL,
      text          TEXT NOT NULL
    );

    CREATE TABLE highlights (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      uid           TEXT NOT NULL UNIQUE,
      document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      quote_exact   TEXT NOT NULL CHECK (length(quote_exact) > 0),
      quote_prefix  TEXT NOT NULL,
      quote_suffix  TEXT NOT NULL,
      position_start INTEGER NOT NULL CHECK (position_start >= 0),
      position_end   INTEGER NOT NULL CHECK (position_end > position_start),
      anchor_status TEXT NOT NULL DEFAULT 'exact' CHECK (anchor_status IN ('exact', 'approximate', 'orphaned')),
      colour        TEXT NOT NULL CHECK (colour IN ('yellow', 'red', 'green', 'blue', 'purple')),
      comment       TEXT NOT NULL DEFAULT '',
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      -- Set when deleted, so the deletion can be undone with its tags and links intact.
      deleted_at    TEXT
    );
    CREATE INDEX highlights_by_document ON highlights(document_id, position_start);

    CREATE TABLE actors (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      uid           TEXT NOT NULL UNIQUE,
      name          TEXT NOT NULL CHECK (length(name) > 0),
      -- name_key: the name up to spacing (unique); name_folded: as text matching sees it.
      name_key      TEXT NOT NULL UNIQUE,
      name_folded   TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('person', 'group', 'state', 'place', 'other')),
      description   TEXT NOT NULL DEFAULT '',
      colour        TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );

    CREATE INDEX actors_by_folded_name ON actors(name_folded);

    -- alias_key is unique across the library: one spelling names one actor.
    CREATE TABLE actor_aliases (
      actor_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
      position      INTEGER NOT NULL,
      alias         TEXT NOT NULL CHECK (length(alias) > 0),
      alias_key     TEXT NOT NULL UNIQUE,
      PRIMARY KEY (actor_id, alias_key)
    ) WITHOUT ROWID;

    CREATE TABLE highlight_actors (
      highlight_id  INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
      actor_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
      PRIMARY KEY (highlight_id, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX highlight_actors_by_actor ON highlight_actors(actor_id, highlight_id);

    -- deleted_at makes deletion undoable; purging is a separate, later step.
    CREATE TABLE notes (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      uid           TEXT NOT NULL UNIQUE,
      title         TEXT NOT NULL,
      body_json     TEXT NOT NULL,
      body_text     TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      deleted_at    TEXT
    );
    CREATE INDEX notes_by_update ON notes(deleted_at, updated_at DESC);

    -- Targets are polymorphic and may dangle on purpose: a link to a deleted note shows as broken.
    CREATE TABLE links (
      from_note_id  INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      target_kind   TEXT NOT NULL CHECK (target_kind IN ('note', 'highlight', 'actor', 'document')),
      target_id     INTEGER NOT NULL,
      PRIMARY KEY (from_note_id, target_kind, target_id)
    ) WITHOUT ROWID;
    CREATE INDEX links_by_target ON links(target_kind, target_id);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text, content = 'documents', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;

    CREATE VIRTUAL TABLE highlights_fts USING fts5(
      quote_exact, comment, content = 'highlights', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
      INSERT INTO highlights_fts(rowid, quote_exact, comment) VALUES (new.id, new.quote_exact, new.comment);
    END;
    CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
      INSERT INTO highlights_fts(highlights_fts, rowid, quote_exact, comment) VALUES ('delete', old.id, old.quote_exact, old.comment);
    END;
    CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote_exact, comment ON highlights BEGIN
      INSERT INTO highlights_fts(highlights_fts, rowid, quote_exact, comment) VALUES ('delete', old.id, old.quote_exact, old.comment);
      INSERT INTO highlights_fts(rowid, quote_exact, comment) VALUES (new.id, new.quote_exact, new.comment);
    END;

    CREATE VIRTUAL TABLE notes_fts USING fts5(
      title, body_text, content = 'notes', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
      INSERT INTO notes_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;
    CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
      INSERT INTO notes_fts(notes_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
    END;
    CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, body_text ON notes BEGIN
      INSERT INTO notes_fts(notes_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
      INSERT INTO notes_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;

    -- Actors are indexed with their aliases folded into one row, rebuilt whenever either changes.
    CREATE VIRTUAL TABLE actors_fts USING fts5(
      name, aliases, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER actors_fts_insert AFTER INSERT ON actors BEGIN
      INSERT INTO actors_fts(rowid, name, aliases, description) VALUES (new.id, new.name, '', new.description);
    END;
    CREATE TRIGGER actors_fts_delete AFTER DELETE ON actors BEGIN
      DELETE FROM actors_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER actors_fts_update AFTER UPDATE OF name, description ON actors BEGIN
      UPDATE actors_fts SET name = new.name, description = new.description WHERE rowid = new.id;
    END;
    CREATE TRIGGER actor_aliases_fts_insert AFTER INSERT ON actor_aliases BEGIN
      UPDATE actors_fts SET aliases = (SELECT group_concat(alias, ' | ' ORDER BY position) FROM actor_aliases WHERE actor_id = new.actor_id)
      WHERE rowid = new.actor_id;
    END;
    CREATE TRIGGER actor_aliases_fts_delete AFTER DELETE ON actor_aliases BEGIN
      UPDATE actors_fts SET aliases = coalesce((SELECT group_concat(alias, ' | ' ORDER BY position) FROM actor_aliases WHERE actor_id = old.actor_id), '')
      WHERE rowid = old.actor_id;
    END;
  `);
}
