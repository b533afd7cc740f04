import type Database from 'better-sqlite3';

/**
 * Adds kinds to the change log's CHECK, keeping whatever kinds it already allows. SQLite cannot
 * change a CHECK in place, so the table is rebuilt with its rows and numbering (as migration 70
 * first did). The kinds are read from the table's own definition rather than written out here, so
 * two migrations that each add a kind (made on separate branches) compose in either order.
 */
export function addChangeLogKinds(db: Database.Database, kinds: readonly string[]): void {
  const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'change_log'").get() as { sql: string };
  const allowed = /kind\s+IN\s*\(([^)]*)\)/i.exec(sql)?.[1];
  if (allowed === undefined) throw new Error('The change log has no CHECK on its kinds to widen.');
  const current = [...allowed.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
  const wanted = [...new Set([...current, ...kinds])];
  if (wanted.length === current.length) return;
  const next = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  db.exec(`
    CREATE TABLE change_log_widened (
      seq     INTEGER PRIMARY KEY AUTOINCREMENT,
      kind    TEXT NOT NULL CHECK (kind IN (${wanted.map((kind) => `'${kind}'`).join(', ')})),
      row_id  INTEGER NOT NULL
    );
    INSERT INTO change_log_widened (seq, kind, row_id) SELECT seq, kind, row_id FROM change_log;
    DROP TABLE change_log;
  `);
  // The triggers on other tables name the log only when they run; legacy renaming leaves their text alone.
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE change_log_widened RENAME TO change_log;');
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'change_log'").run(next);
  db.prepare(
    "INSERT INTO sqlite_sequence (name, seq) SELECT 'change_log', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'change_log')",
  ).run(next);
  db.exec(`
    CREATE TRIGGER change_log_prune AFTER INSERT ON change_log BEGIN
      DELETE FROM change_log WHERE seq <= NEW.seq - 10000;
    END;
  `);
}
