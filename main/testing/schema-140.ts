import type Database from 'better-sqlite3';

/** Takes a library back to schema 130, before migration 140's files and parts. Used by tests only. */
export function undoMigration140(db: Database.Database): void {
  undoMigration150(db);
  db.exec('DROP TABLE document_parts; DROP TABLE document_files;');
}

/** Takes a library back to schema 140, before migration 150's listing index. Used by tests only. */
export function undoMigration150(db: Database.Database): void {
  db.exec('DROP INDEX documents_listed;');
}
