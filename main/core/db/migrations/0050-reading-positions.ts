import type Database from 'better-sqlite3';

/**
 * Where the person stopped reading each document, as an offset into its text, so it opens there
 * again. Not in the change log on purpose: a position is saved every time scrolling stops, and
 * nothing another window shows depends on it. Not in the library archive either: it is this
 * machine's reading, not the research.
 */
export default function updateToSchemaVersion50(db: Database.Database): void {
  db.exec(`
    CREATE TABLE reading_positions (
      document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      text_offset  INTEGER NOT NULL CHECK (text_offset >= 0),
      read_at      TEXT NOT NULL
    );
  `);
}
