import type Database from 'better-sqlite3';

/**
 * Search finds analyses of competing hypotheses (issue #17 point 5) by their own words: the name,
 * the question, each hypothesis and each typed evidence item. An item that quotes a passage is not
 * indexed here: the passage is already found as a highlight, and its quote is its own.
 *
 * One row per piece of text, so a result can name the piece that matched and make its snippet from
 * that piece's own words. A row's rowid says which piece it is, so a trigger reaches its row by key
 * rather than by scanning: the analysis's id × 4 for its name, + 1 for its question; a hypothesis's
 * id × 4 + 2; an evidence item's id × 4 + 3. The name has a column of its own, weighed more.
 *
 * Kept by triggers, in the transaction of every write, as the other indexes are. Deleting an
 * analysis deletes its hypotheses and items by cascade, whose own triggers remove their rows.
 * The view is what the index holds, for filling it here and for search.rebuild.
 */
export default function updateToSchemaVersion130(db: Database.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE analyses_fts USING fts5(
      name, text, analysis_id UNINDEXED, field UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );

    CREATE VIEW analysis_texts_indexed AS
      SELECT a.id * 4 AS id, a.name AS name, '' AS text, a.id AS analysis_id, 'name' AS field FROM analyses a
      UNION ALL
      SELECT a.id * 4 + 1, '', a.question, a.id, 'question' FROM analyses a WHERE a.question <> ''
      UNION ALL
      SELECT h.id * 4 + 2, '', h.text, h.analysis_id, 'hypothesis' FROM analysis_hypotheses h
      UNION ALL
      SELECT e.id * 4 + 3, '', e.text, e.analysis_id, 'evidence' FROM analysis_evidence e WHERE e.kind = 'note';

    CREATE TRIGGER analyses_fts_insert AFTER INSERT ON analyses BEGIN
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4, new.name, '', new.id, 'name');
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field)
        SELECT new.id * 4 + 1, '', new.question, new.id, 'question' WHERE new.question <> '';
    END;
    CREATE TRIGGER analyses_fts_update AFTER UPDATE OF name, question ON analyses BEGIN
      DELETE FROM analyses_fts WHERE rowid IN (old.id * 4, old.id * 4 + 1);
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4, new.name, '', new.id, 'name');
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field)
        SELECT new.id * 4 + 1, '', new.question, new.id, 'question' WHERE new.question <> '';
    END;
    CREATE TRIGGER analyses_fts_delete AFTER DELETE ON analyses BEGIN
      DELETE FROM analyses_fts WHERE rowid IN (old.id * 4, old.id * 4 + 1);
    END;

    CREATE TRIGGER analysis_hypotheses_fts_insert AFTER INSERT ON analysis_hypotheses BEGIN
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4 + 2, '', new.text, new.analysis_id, 'hypothesis');
    END;
    CREATE TRIGGER analysis_hypotheses_fts_update AFTER UPDATE OF text ON analysis_hypotheses BEGIN
      DELETE FROM analyses_fts WHERE rowid = old.id * 4 + 2;
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4 + 2, '', new.text, new.analysis_id, 'hypothesis');
    END;
    CREATE TRIGGER analysis_hypotheses_fts_delete AFTER DELETE ON analysis_hypotheses BEGIN
      DELETE FROM analyses_fts WHERE rowid = old.id * 4 + 2;
    END;

    CREATE TRIGGER analysis_evidence_fts_insert AFTER INSERT ON analysis_evidence WHEN new.kind = 'note' BEGIN
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4 + 3, '', new.text, new.analysis_id, 'evidence');
    END;
    CREATE TRIGGER analysis_evidence_fts_update AFTER UPDATE OF text ON analysis_evidence WHEN new.kind = 'note' BEGIN
      DELETE FROM analyses_fts WHERE rowid = old.id * 4 + 3;
      INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) VALUES (new.id * 4 + 3, '', new.text, new.analysis_id, 'evidence');
    END;
    CREATE TRIGGER analysis_evidence_fts_delete AFTER DELETE ON analysis_evidence BEGIN
      DELETE FROM analyses_fts WHERE rowid = old.id * 4 + 3;
    END;

    INSERT INTO analyses_fts (rowid, name, text, analysis_id, field) SELECT id, name, text, analysis_id, field FROM analysis_texts_indexed;
  `);
}
