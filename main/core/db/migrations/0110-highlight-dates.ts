import type Database from 'better-sqlite3';

/**
 * The timeline (issue #17): a passage's dates as a person decided them. A date found in a
 * passage's words is only a suggestion, worked out afresh from the words whenever it is asked
 * for (so an edited comment suggests its new dates at once); what is stored is the decision:
 * 'confirmed' makes the passage an event on that date, 'dismissed' keeps the suggestion from
 * coming back. One row per passage and date, so confirming a date once dismissed turns it round.
 *
 * `date` is an event date as main/common/timeline.ts writes it ("2012-01-12", "2012-01", "2012",
 * "2012-01/2012-03"); `found` the words it was read from, empty when given by hand.
 *
 * A date is part of what a passage shows, so each change is logged as the passage's change and
 * every window's lists follow with no new kind of change to learn.
 */
export default function updateToSchemaVersion110(db: Database.Database): void {
  db.exec(`
    CREATE TABLE highlight_dates (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      highlight_id  INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
      date          TEXT NOT NULL CHECK (length(date) BETWEEN 4 AND 21),
      status        TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
      found         TEXT NOT NULL DEFAULT '',
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      UNIQUE (highlight_id, date)
    );
    CREATE INDEX highlight_dates_by_date ON highlight_dates(status, date);

    CREATE TRIGGER change_log_highlight_dates_insert AFTER INSERT ON highlight_dates BEGIN
      INSERT INTO change_log (kind, row_id) VALUES ('highlight', new.highlight_id);
    END;
    CREATE TRIGGER change_log_highlight_dates_update AFTER UPDATE ON highlight_dates BEGIN
      INSERT INTO change_log (kind, row_id) VALUES ('highlight', new.highlight_id);
    END;
    CREATE TRIGGER change_log_highlight_dates_delete AFTER DELETE ON highlight_dates BEGIN
      INSERT INTO change_log (kind, row_id) VALUES ('highlight', old.highlight_id);
    END;
  `);
}
