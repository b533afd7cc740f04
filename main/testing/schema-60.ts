import type Database from 'better-sqlite3';
import { undoMigration120 } from './schema-120';

/**
 * Takes a library back to schema 70 (before migration 80's judged mentions, and 90's themes and
 * 100's source grades after it); a rewind to an earlier schema does this first. Used by tests only.
 */
export function undoMigration80(db: Database.Database): void {
  undoMigration90(db);
  db.exec('DROP TABLE actor_mentions');
}

/**
 * Takes a library back to schema 60 (before migration 70's details, tags and collections), for
 * tests of earlier migrations that rewind a current library. Used by tests only.
 */
export function undoMigration70(db: Database.Database): void {
  const triggers = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'trigger'
       AND (name LIKE 'document_details_%' OR tbl_name IN ('collections', 'document_tags', 'document_collections'))`,
    )
    .all() as Array<{ name: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  db.exec(`
    DROP TABLE document_details_fts;
    DROP VIEW document_details_indexed;
    DROP TABLE document_tags;
    DROP TABLE document_collections;
    DROP TABLE collections;
    ALTER TABLE documents DROP COLUMN authors;
    ALTER TABLE documents DROP COLUMN published;
    ALTER TABLE documents DROP COLUMN publisher;
    ALTER TABLE documents DROP COLUMN language;
    ALTER TABLE documents DROP COLUMN citation;
  `);
}

/** Takes a library back to schema 80, before migration 90's themes. The change log keeps its wider CHECK. */
export function undoMigration90(db: Database.Database): void {
  undoMigration100(db);
  const triggers = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'trigger'
       AND (tbl_name IN ('themes', 'highlight_themes') OR name LIKE 'highlight_themes_%' OR name LIKE 'themes_%')`,
    )
    .all() as Array<{ name: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  db.exec(`
    DROP TABLE highlight_themes_fts;
    DROP VIEW highlight_themes_indexed;
    DROP TABLE themes_fts;
    DROP TABLE highlight_themes;
    DROP TABLE themes;
  `);
}

/** Takes a library back to schema 100, before migration 110's dated passages (its triggers go with the table). */
export function undoMigration110(db: Database.Database): void {
  undoMigration120(db);
  db.exec('DROP TABLE highlight_dates');
}

/** Takes a library back to schema 90, before migration 100's source grades. */
export function undoMigration100(db: Database.Database): void {
  undoMigration110(db);
  db.exec(`
    DROP TRIGGER change_log_documents_grade_highlights;
    ALTER TABLE documents DROP COLUMN reliability;
    ALTER TABLE documents DROP COLUMN credibility;
    ALTER TABLE highlights DROP COLUMN credibility;
  `);
}
