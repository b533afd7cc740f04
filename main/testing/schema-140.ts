import type Database from 'better-sqlite3';

/** Takes a library back to schema 130, before migration 140's files and parts. Used by tests only. */
export function undoMigration140(db: Database.Database): void {
  db.exec('DROP TABLE document_parts; DROP TABLE document_files;');
}
