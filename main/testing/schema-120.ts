import type Database from 'better-sqlite3';
import { undoMigration130 } from './schema-130';

/** Takes a library back to schema 100, before migration 120's analyses. The change log keeps its wider CHECK. Used by tests only. */
export function undoMigration120(db: Database.Database): void {
  undoMigration130(db);
  const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'change_log_analys%'").all() as Array<{ name: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  db.exec('DROP TABLE analysis_ratings; DROP TABLE analysis_evidence; DROP TABLE analysis_hypotheses; DROP TABLE analyses;');
}
