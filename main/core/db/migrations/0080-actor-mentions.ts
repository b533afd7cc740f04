import type Database from 'better-sqlite3';

/**
 * Mentions the person has judged: "this is AQIM" (accepted) or "this is not" (rejected), one
 * row per place. Before this, accepting a mention made a tagged one-word highlight, which flooded
 * the highlights; a mention is now a fact about the actor, not a passage. The highlights earlier
 * versions made that way are left alone: they are the person's data now, to keep or delete.
 *
 * A place is kept the way a highlight's is (position plus quote with context), so replacing the
 * document re-anchors mentions with the same rules. Changes are logged as the actor's: its page,
 * and the open document's mentions, are what show them.
 */
export default function updateToSchemaVersion80(db: Database.Database): void {
  db.exec(`
    CREATE TABLE actor_mentions (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      uid            TEXT NOT NULL UNIQUE,
      document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      actor_id       INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
      status         TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
      quote_exact    TEXT NOT NULL CHECK (length(quote_exact) > 0),
      quote_prefix   TEXT NOT NULL,
      quote_suffix   TEXT NOT NULL,
      position_start INTEGER NOT NULL CHECK (position_start >= 0),
      position_end   INTEGER NOT NULL CHECK (position_end > position_start),
      anchor_status  TEXT NOT NULL DEFAULT 'exact' CHECK (anchor_status IN ('exact', 'approximate', 'orphaned')),
      created_at     TEXT NOT NULL
    );
    CREATE INDEX actor_mentions_by_document ON actor_mentions(document_id, position_start);
    CREATE INDEX actor_mentions_by_actor ON actor_mentions(actor_id, status);
  `);
  for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    db.exec(`
      CREATE TRIGGER change_log_actor_mentions_${event.toLowerCase()} AFTER ${event} ON actor_mentions BEGIN
        INSERT INTO change_log (kind, row_id) VALUES ('actor', ${row}.actor_id);
      END;
    `);
  }
  // A mention moved to another actor (a merge) changes the page of the one it left too.
  db.exec(`
    CREATE TRIGGER change_log_actor_mentions_moved AFTER UPDATE OF actor_id ON actor_mentions
    WHEN OLD.actor_id != NEW.actor_id BEGIN
      INSERT INTO change_log (kind, row_id) VALUES ('actor', OLD.actor_id);
    END;
  `);
}
