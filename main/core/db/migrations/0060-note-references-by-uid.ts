import type Database from 'better-sqlite3';
import type { ReferenceKind } from '../../../common/note-format';
import { bodyJsonWithUids } from '../../notes/bodies-by-id';

const TABLES: Record<ReferenceKind, string> = { note: 'notes', actor: 'actors', highlight: 'highlights', document: 'documents' };

/**
 * Notes' bodies name what they refer to by the target's uid instead of its local id, so merging
 * an archive into another library (or, later, syncing two) leaves bodies as they are. Every
 * body is rewritten once here; the links table keeps local ids, as it is derived from bodies
 * at each save, so backlinks are unchanged.
 *
 * An actor merged into another keeps answering to its uid: `actor_former_uids` holds it for
 * the actor kept, so the mentions of the merged one show and open the kept one without any body
 * being touched (see mergeActors).
 */
export default function updateToSchemaVersion60(db: Database.Database): void {
  db.exec(`
    CREATE TABLE actor_former_uids (
      uid       TEXT PRIMARY KEY,
      actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX actor_former_uids_by_actor ON actor_former_uids(actor_id);
  `);
  const uids = {} as Record<ReferenceKind, Map<number, string>>;
  for (const [kind, table] of Object.entries(TABLES) as Array<[ReferenceKind, string]>) {
    const rows = db.prepare(`SELECT id, uid FROM ${table}`).all() as Array<{ id: number; uid: string }>;
    uids[kind] = new Map(rows.map((row) => [row.id, row.uid]));
  }
  const uidOf = (kind: ReferenceKind, id: number) => uids[kind].get(id) ?? null;
  // Only body_json is named, so the search index (kept on title and text) is not rebuilt for it.
  const update = db.prepare('UPDATE notes SET body_json = ? WHERE id = ?');
  // A page at a time: a statement cannot run while another's rows are being iterated, and a
  // library's bodies together may be larger than is wise to hold at once.
  const page = db.prepare('SELECT id, body_json FROM notes WHERE id > ? ORDER BY id LIMIT 200');
  let rows: Array<{ id: number; body_json: string }>;
  let after = 0;
  while ((rows = page.all(after) as typeof rows).length > 0) {
    for (const note of rows) {
      const json = bodyJsonWithUids(note.body_json, uidOf);
      if (json !== note.body_json) update.run(json, note.id);
    }
    after = rows.at(-1)!.id;
  }
}
