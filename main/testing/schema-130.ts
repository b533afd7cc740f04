import type Database from 'better-sqlite3';
import { undoMigration140 } from './schema-140';

/** Takes a library back to schema 120, before migration 130's index of analyses. Used by tests only. */
export function undoMigration130(db: Database.Database): void {
  undoMigration140(db);
  const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'analys%_fts_%'").all() as Array<{ name: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  db.exec('DROP VIEW analysis_texts_indexed; DROP TABLE analyses_fts;');
}
