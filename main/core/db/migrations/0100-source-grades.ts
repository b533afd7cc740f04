import type Database from 'better-sqlite3';

/**
 * Source grading with the Admiralty code (issue #17; see main/common/admiralty.ts): a document
 * gets a source reliability (A to F) and the credibility (1 to 6) its passages have unless they
 * say otherwise; a highlight may carry a credibility of its own. NULL is "not graded" (for a
 * highlight: "as its document"), so every library migrates with nothing graded.
 *
 * A document's grade is part of what each of its passages shows, so changing it logs its live
 * highlights as changed too (as a theme's rename touches its passages), and a window's lists of
 * passages follow without knowing that rule.
 */
export default function updateToSchemaVersion100(db: Database.Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F'));
    ALTER TABLE documents ADD COLUMN credibility INTEGER CHECK (credibility IS NULL OR credibility IN (1, 2, 3, 4, 5, 6));
    ALTER TABLE highlights ADD COLUMN credibility INTEGER CHECK (credibility IS NULL OR credibility IN (1, 2, 3, 4, 5, 6));

    CREATE TRIGGER change_log_documents_grade_highlights AFTER UPDATE OF reliability, credibility ON documents
      WHEN old.reliability IS NOT new.reliability OR old.credibility IS NOT new.credibility
    BEGIN
      INSERT INTO change_log (kind, row_id) SELECT 'highlight', id FROM highlights WHERE document_id = new.id AND deleted_at IS NULL;
    END;
  `);
}
