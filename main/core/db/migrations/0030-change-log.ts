import type Database from 'better-sqlite3';

/**
 * Every committed write leaves a row here saying what it touched (a kind and a row id), whoever
 * made it: this process, a second window's, or the command line's. A window learns what to
 * refresh by reading the rows after the last one it saw (see changes/change-feed.ts); triggers make
 * the log as complete as the writes themselves, with no call for any writer to forget.
 *
 * Only the newest rows are kept: a reader that fell further behind than that refreshes everything.
 * AUTOINCREMENT keeps sequence numbers from being reused once old rows are pruned.
 */
const KEPT_ROWS = 10_000;

/** [table, kind logged, the row id's column] for each table a window shows. */
const LOGGED: ReadonlyArray<readonly [string, string, string]> = [
  ['documents', 'document', 'id'],
  ['highlights', 'highlight', 'id'],
  ['highlight_actors', 'highlight', 'highlight_id'],
  ['highlight_actors', 'actor', 'actor_id'],
  ['actors', 'actor', 'id'],
  ['actor_aliases', 'actor', 'actor_id'],
  ['notes', 'note', 'id'],
  ['links', 'note', 'from_note_id'],
];

export default function updateToSchemaVersion30(db: Database.Database): void {
  db.exec(`
    CREATE TABLE change_log (
      seq     INTEGER PRIMARY KEY AUTOINCREMENT,
      kind    TEXT NOT NULL CHECK (kind IN ('document', 'highlight', 'actor', 'note')),
      row_id  INTEGER NOT NULL
    );
    CREATE TRIGGER change_log_prune AFTER INSERT ON change_log BEGIN
      DELETE FROM change_log WHERE seq <= NEW.seq - ${KEPT_ROWS};
    END;
  `);
  LOGGED.forEach(([table, kind, column], i) => {
    for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      db.exec(`
        CREATE TRIGGER change_log_${table}_${kind}_${event.toLowerCase()}_${i} AFTER ${event} ON ${table} BEGIN
          INSERT INTO change_log (kind, row_id) VALUES ('${kind}', ${row}.${column});
        END;
      `);
    }
  });
  // A link also changes what its target shows (its backlinks).
  for (const event of ['INSERT', 'DELETE'] as const) {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    db.exec(`
      CREATE TRIGGER change_log_links_target_${event.toLowerCase()} AFTER ${event} ON links BEGIN
        INSERT INTO change_log (kind, row_id) VALUES (${row}.target_kind, ${row}.target_id);
      END;
    `);
  }
}
