import type Database from 'better-sqlite3';
import { rewriteTableSql } from '../core/db/migrations/rewrite-table-sql';
import { undoMigration170 } from './schema-160';

/** Takes a library back to schema 130, before migration 140's files and parts. Used by tests only. */
export function undoMigration140(db: Database.Database): void {
  undoMigration150(db);
  db.exec('DROP TABLE document_parts; DROP TABLE document_files;');
}

/** Takes a library back to schema 140, before migration 150's listing index. Used by tests only. */
export function undoMigration150(db: Database.Database): void {
  undoMigration160(db);
  db.exec('DROP INDEX documents_listed;');
}

/** Takes a library back to schema 150, before migration 160's area highlights (which it deletes). Used by tests only. */
export function undoMigration160(db: Database.Database): void {
  undoMigration170(db);
  db.exec('DELETE FROM highlights WHERE area_page IS NOT NULL');
  rewriteTableSql(db, 'highlights', [
    ['CHECK (length(quote_exact) > 0 OR area_page IS NOT NULL)', 'CHECK (length(quote_exact) > 0)'],
    ['CHECK (position_end > position_start OR area_page IS NOT NULL)', 'CHECK (position_end > position_start)'],
  ]);
  // Each column's CHECK names only the columns before it, so they go from the last.
  for (const column of ['area_height', 'area_width', 'area_y', 'area_x', 'area_page']) db.exec(`ALTER TABLE highlights DROP COLUMN ${column}`);
}
