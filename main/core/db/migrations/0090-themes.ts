import type Database from 'better-sqlite3';
import { addChangeLogKinds } from './widen-change-log';

/**
 * Themes: the codebook a researcher codes passages with ("recruitment", "financing"), as NVivo,
 * ATLAS.ti and MAXQDA do. A theme may sit under another (parent_id); the code keeps the tree free
 * of cycles, since a CHECK cannot see other rows. A theme's name is unique among its siblings only
 * (up to case, accents and spacing): "Financing" may sit under two different parents.
 *
 * Passages are tagged with themes as with actors (highlight_themes). A theme is deleted by the
 * code after its sub-themes are moved up, so parent_id needs no ON DELETE action.
 *
 * Search finds themes by name and description (themes_fts), and highlights by the names of their
 * themes (highlight_themes_fts, one row per tagged highlight), both kept by triggers in the
 * transaction of the write, as the other indexes are.
 *
 * Themes are a new kind of change in the log, so a window's codebook follows them.
 */
export default function updateToSchemaVersion90(db: Database.Database): void {
  db.exec(`
    CREATE TABLE themes (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      uid          TEXT NOT NULL UNIQUE,
      parent_id    INTEGER REFERENCES themes(id),
      name         TEXT NOT NULL CHECK (length(name) > 0),
      name_key     TEXT NOT NULL,
      colour       TEXT NOT NULL,
      description  TEXT NOT NULL DEFAULT '',
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      CHECK (parent_id IS NULL OR parent_id != id)
    );
    CREATE UNIQUE INDEX themes_by_sibling_name ON themes(coalesce(parent_id, 0), name_key);
    CREATE INDEX themes_by_parent ON themes(parent_id);

    CREATE TABLE highlight_themes (
      highlight_id  INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
      theme_id      INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      PRIMARY KEY (highlight_id, theme_id)
    ) WITHOUT ROWID;
    CREATE INDEX highlight_themes_by_theme ON highlight_themes(theme_id, highlight_id);

    CREATE VIRTUAL TABLE themes_fts USING fts5(
      name, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER themes_fts_insert AFTER INSERT ON themes BEGIN
      INSERT INTO themes_fts(rowid, name, description) VALUES (new.id, new.name, new.description);
    END;
    CREATE TRIGGER themes_fts_delete AFTER DELETE ON themes BEGIN
      DELETE FROM themes_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER themes_fts_update AFTER UPDATE OF name, description ON themes BEGIN
      UPDATE themes_fts SET name = new.name, description = new.description WHERE rowid = new.id;
    END;

    CREATE VIEW highlight_themes_indexed AS
      SELECT ht.highlight_id AS id, group_concat(t.name, ' | ') AS themes
      FROM highlight_themes ht JOIN themes t ON t.id = ht.theme_id GROUP BY ht.highlight_id;
    CREATE VIRTUAL TABLE highlight_themes_fts USING fts5(
      themes, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
  `);
  const reindex = (highlightId: string) => `
      DELETE FROM highlight_themes_fts WHERE rowid = ${highlightId};
      INSERT INTO highlight_themes_fts (rowid, themes) SELECT id, themes FROM highlight_themes_indexed WHERE id = ${highlightId};`;
  db.exec(`
    CREATE TRIGGER highlight_themes_fts_insert AFTER INSERT ON highlight_themes BEGIN ${reindex('new.highlight_id')} END;
    CREATE TRIGGER highlight_themes_fts_delete AFTER DELETE ON highlight_themes BEGIN ${reindex('old.highlight_id')} END;
    CREATE TRIGGER highlight_themes_fts_rename AFTER UPDATE OF name ON themes BEGIN
      DELETE FROM highlight_themes_fts WHERE rowid IN (SELECT highlight_id FROM highlight_themes WHERE theme_id = new.id);
      INSERT INTO highlight_themes_fts (rowid, themes)
        SELECT id, themes FROM highlight_themes_indexed WHERE id IN (SELECT highlight_id FROM highlight_themes WHERE theme_id = new.id);
    END;
  `);

  addChangeLogKinds(db, ['theme']);
  const logged = (table: string, kind: string, column: string, event: 'INSERT' | 'UPDATE' | 'DELETE') => {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    return `CREATE TRIGGER change_log_${table}_${kind}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
        INSERT INTO change_log (kind, row_id) VALUES ('${kind}', ${row}.${column});
      END;`;
  };
  db.exec(
    [
      ...(['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => logged('themes', 'theme', 'id', event)),
      // A tag changes what the passage shows and the theme's count.
      ...(['INSERT', 'DELETE'] as const).flatMap((event) => [
        logged('highlight_themes', 'highlight', 'highlight_id', event),
        logged('highlight_themes', 'theme', 'theme_id', event),
      ]),
    ].join('\n'),
  );
}
