import type Database from 'better-sqlite3';

/**
 * Rewrites a table's CREATE statement in place, for changes SQLite cannot make with ALTER TABLE:
 * loosening a CHECK. This is SQLite's own procedure for it (https://sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"), sound only when every row already on disk
 * satisfies the new statement; the caller is the one who knows that. Rebuilding the table instead
 * would need foreign keys off, which cannot be switched inside the migration's transaction, and
 * with them on, dropping the old table would delete every row that refers to it by cascade.
 *
 * Each piece to replace must occur exactly once, so a statement that is not the one expected is
 * refused (and the migration rolled back) rather than half rewritten.
 */
export function rewriteTableSql(db: Database.Database, table: string, replacements: ReadonlyArray<readonly [from: string, to: string]>): void {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!row) throw new Error(`There is no table ${table} to rewrite.`);
  let sql = row.sql;
  for (const [from, to] of replacements) {
    const at = sql.indexOf(from);
    if (at === -1 || sql.indexOf(from, at + 1) !== -1) throw new Error(`The table ${table} does not hold “${from}” exactly once; it was not rewritten.`);
    sql = sql.slice(0, at) + to + sql.slice(at + from.length);
  }
  const version = db.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 opens connections in SQLite's defensive mode, which forbids writing the schema table.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?").run(sql, table);
    // A new schema version makes every connection read the statement again, this one included.
    db.pragma(`schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
  // The statement must parse: a mistake here would otherwise be found by the next open, as a corrupt library.
  db.prepare(`SELECT * FROM "${table}" LIMIT 0`).all();
}
