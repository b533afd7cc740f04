import type Database from 'better-sqlite3';
import { addChangeLogKinds } from './widen-change-log';

/**
 * Analyses of competing hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8; issue #17
 * point 4): a question, its hypotheses, the evidence, and a rating per evidence item and hypothesis.
 * See main/common/hypotheses.ts for the rules and main/core/hypotheses/ for the code.
 *
 * An evidence item is a passage (highlight_id) or a typed note. A passage's quote is copied into
 * `text` when it is added, so deleting the passage (which soft-deletes it, or removes it for good)
 * keeps the item and what it said: the matrix's reasoning does not silently change under the
 * analyst. `weight` is the analyst's; the grade's factor is applied when the scores are read.
 *
 * A cell with no rating has no row (it reads as N). Hypotheses and items keep the analyst's order
 * (`position`). Every change to an analysis, its rows or its cells is logged as a change to the
 * analysis, so a window's matrix follows writes from anywhere.
 *
 * Non-empty text is checked as \`<> ''\`, not with length(), which stops counting at a NUL character.
 *
 * Independent of 0110 (the Timeline, on another branch): it only adds its own tables and a kind.
 */
export default function updateToSchemaVersion120(db: Database.Database): void {
  db.exec(`
    CREATE TABLE analyses (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      uid             TEXT NOT NULL UNIQUE,
      name            TEXT NOT NULL CHECK (name <> ''),
      question        TEXT NOT NULL DEFAULT '',
      weigh_by_grade  INTEGER NOT NULL DEFAULT 0 CHECK (weigh_by_grade IN (0, 1)),
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    );

    CREATE TABLE analysis_hypotheses (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      analysis_id  INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
      position     INTEGER NOT NULL,
      text         TEXT NOT NULL CHECK (text <> '')
    );
    CREATE INDEX analysis_hypotheses_by_analysis ON analysis_hypotheses(analysis_id, position);

    CREATE TABLE analysis_evidence (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      analysis_id   INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
      position      INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('highlight', 'note')),
      highlight_id  INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
      text          TEXT NOT NULL CHECK (text <> ''),
      weight        REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 10),
      CHECK (kind = 'highlight' OR highlight_id IS NULL)
    );
    CREATE INDEX analysis_evidence_by_analysis ON analysis_evidence(analysis_id, position);
    CREATE INDEX analysis_evidence_by_highlight ON analysis_evidence(highlight_id) WHERE highlight_id IS NOT NULL;

    CREATE TABLE analysis_ratings (
      evidence_id    INTEGER NOT NULL REFERENCES analysis_evidence(id) ON DELETE CASCADE,
      hypothesis_id  INTEGER NOT NULL REFERENCES analysis_hypotheses(id) ON DELETE CASCADE,
      rating         TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II', 'NA')),
      PRIMARY KEY (evidence_id, hypothesis_id)
    ) WITHOUT ROWID;
    CREATE INDEX analysis_ratings_by_hypothesis ON analysis_ratings(hypothesis_id);
  `);

  addChangeLogKinds(db, ['analysis']);
  const logged = (table: string, row: string, event: 'INSERT' | 'UPDATE' | 'DELETE') => {
    const ref = event === 'DELETE' ? 'OLD' : 'NEW';
    return `CREATE TRIGGER change_log_${table}_analysis_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
        INSERT INTO change_log (kind, row_id) SELECT 'analysis', ${row.replaceAll('$', ref)};
      END;`;
  };
  const events = ['INSERT', 'UPDATE', 'DELETE'] as const;
  db.exec(
    [
      ...events.map((event) => logged('analyses', '$.id', event)),
      ...events.map((event) => logged('analysis_hypotheses', '$.analysis_id', event)),
      ...events.map((event) => logged('analysis_evidence', '$.analysis_id', event)),
      // A cell's analysis is its item's; when the item itself is going, its own trigger logs it.
      ...events.map((event) => logged('analysis_ratings', 'analysis_id FROM analysis_evidence WHERE id = $.evidence_id', event)),
    ].join('\n'),
  );
}
