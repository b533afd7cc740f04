import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, LexicalState, NOTE_LINK_NODE } from '../../../common/note-format';
import { body, callOn, paragraph, populate, tempLibrary, text, type Fixture, type TempLibrary } from '../../../testing/populated-library';
import type { Library } from '../library';
import { undoMigration70, undoMigration80 } from '../../../testing/schema-60';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-60-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const UID_FIELDS: Record<string, string> = { noteUid: 'notes', actorUid: 'actors', highlightUid: 'highlights', documentUid: 'documents' };

const rawBody = (library: Library, uid: string) => (library.db.prepare('SELECT body_json FROM notes WHERE uid = ?').get(uid) as { body_json: string }).body_json;

/** Every note's body, parsed, by uid; `unreadable` ones (not JSON) are left out. */
const bodies = (library: Library, ...unreadable: string[]) =>
  Object.fromEntries(
    (library.db.prepare('SELECT uid, body_json FROM notes').all() as Array<{ uid: string; body_json: string }>)
      .filter((n) => !unreadable.includes(n.uid))
      .map((n) => [n.uid, JSON.parse(n.body_json) as unknown]),
  );

/**
 * Turns the library back into one as Fieldbook 50 left it: bodies naming rows by their local id
 * (a merged actor's mentions by the kept actor's id, as that version's merge rewrote them), no
 * former uids. `extra` bodies, already in that form, are added as notes of their own. A copy is
 * written at schema 50, so opening it runs migration 60 on it.
 */
function schema50Copy(library: Library, file: string, extra: Record<string, unknown> = {}): void {
  const db = library.db;
  const idOf = (table: string, uid: unknown): number | null => {
    const row = db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).get(uid) as { id: number } | undefined;
    if (row || table !== 'actors') return row?.id ?? null;
    return (db.prepare('SELECT actor_id AS id FROM actor_former_uids WHERE uid = ?').get(uid) as { id: number } | undefined)?.id ?? null;
  };
  const toIds = (node: Record<string, unknown>): void => {
    for (const [field, table] of Object.entries(UID_FIELDS)) {
      if (!(field in node)) continue;
      node[field.replace(/Uid$/, 'Id')] = node[field] === null ? 0 : idOf(table, node[field]);
      delete node[field];
    }
    if (Array.isArray(node.children)) for (const child of node.children) toIds(child as Record<string, unknown>);
  };
  db.transaction(() => {
    for (const note of db.prepare('SELECT id, body_json FROM notes').all() as Array<{ id: number; body_json: string }>) {
      const state = JSON.parse(note.body_json) as { root: Record<string, unknown> };
      toIds(state.root);
      db.prepare('UPDATE notes SET body_json = ? WHERE id = ?').run(JSON.stringify(state), note.id);
    }
    const insert = db.prepare(
      "INSERT INTO notes (uid, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, ?, '', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
    );
    for (const [uid, state] of Object.entries(extra)) insert.run(uid, uid, typeof state === 'string' ? state : JSON.stringify(state));
    undoMigration80(db);
    undoMigration70(db);
    db.exec('DROP TABLE actor_former_uids');
    db.pragma('user_version = 50');
  })();
  db.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
}

describe('migration 60: references in note bodies by uid', () => {
  it('rewrites every body of a library from before uids, and backlinks, passages and exports are as they were', () => {
    // A mention of an actor deleted long ago: its id names nothing, and must become a reference to nothing.
    const gone = callOn(t.library, 'actors.create', { name: 'Iyad Ag Ghaly', kind: 'person' });
    const note = callOn(t.library, 'notes.create', { title: 'Old mention' });
    callOn(t.library, 'notes.save', { id: note.id, title: 'Old mention', body: body(paragraph(text('Ask '), { type: ACTOR_MENTION_NODE, version: 1, actorUid: gone.uid, name: gone.name })) });
    callOn(t.library, 'actors.delete', { id: gone.id });
    const before = bodies(t.library);
    const markdown = callOn(t.library, 'export.noteMarkdown', { id: fixture.notes.reading.id }).content;

    // Written by Fieldbook 50, in the id form, naming rows this library has (some deleted), rows it
    // never had, and nothing at all (the old 0); one node lacks its text, one body is not JSON.
    const h = fixture.highlights;
    const odd = body(
      paragraph(
        { type: NOTE_LINK_NODE, version: 1, noteId: 0, title: 'Being created' },
        { type: NOTE_LINK_NODE, version: 1, noteId: 987_654, title: 'Never here' },
        { type: NOTE_LINK_NODE, version: 1, noteId: fixture.notes.deleted.id, title: 'Discarded idea' },
        { type: ACTOR_MENTION_NODE, version: 1, actorId: '3', name: 'Stringly' },
        { type: ACTOR_MENTION_NODE, version: 1, actorId: fixture.mali.id },
      ),
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightId: h.deleted.id, documentId: fixture.article.id, documentTitle: fixture.article.title, quote: h.deleted.exact },
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightId: 999_999, documentId: 999_998, documentTitle: 'Lost', quote: 'Gone for good.' },
    );
    const file = path.join(t.dir, 'schema-50.sqlite');
    schema50Copy(t.library, file, { 'odd-references': odd, 'damaged-body': '{"root": [unfinished' });
    const old = t.open(path.basename(file));

    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    const after = bodies(old, 'damaged-body');
    expect(rawBody(old, 'damaged-body')).toBe('{"root": [unfinished');
    expect(after['odd-references']).toEqual(
      body(
        paragraph(
          { type: NOTE_LINK_NODE, version: 1, noteUid: null, title: 'Being created' },
          { type: NOTE_LINK_NODE, version: 1, noteUid: null, title: 'Never here' },
          { type: NOTE_LINK_NODE, version: 1, noteUid: fixture.notes.deleted.uid, title: 'Discarded idea' },
          { type: ACTOR_MENTION_NODE, version: 1, actorUid: null, name: 'Stringly' },
          { type: ACTOR_MENTION_NODE, version: 1, actorUid: fixture.mali.uid, name: '' },
        ),
        { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: h.deleted.uid, documentUid: fixture.article.uid, documentTitle: fixture.article.title, quote: h.deleted.exact },
        { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: null, documentUid: null, documentTitle: 'Lost', quote: 'Gone for good.' },
      ),
    );
    // The odd note opens and saves, and links only what this library holds.
    const oddNote = old.db.prepare("SELECT id FROM notes WHERE uid = 'odd-references'").get() as { id: number };
    const opened = callOn(old, 'notes.get', { id: oddNote.id });
    callOn(old, 'notes.save', { id: oddNote.id, title: opened.title, body: opened.body });
    expect(callOn(old, 'notes.linking', { kind: 'note', id: fixture.notes.deleted.id }).map((n) => n.id)).toEqual([oddNote.id]);
    expect(callOn(old, 'notes.linking', { kind: 'actor', id: fixture.mali.id }).map((n) => n.id)).toEqual([oddNote.id]);
    expect(old.db.prepare('SELECT count(*) AS n FROM links WHERE from_note_id = ?').get(oddNote.id)).toEqual({ n: 4 });

    expect(JSON.stringify(after)).not.toMatch(/"(note|actor|highlight|document)Id":/);
    for (const state of Object.values(after)) expect(LexicalState.safeParse(state).success).toBe(true);
    // Every body is the library's own again, but for the mention of the actor deleted before: it names nothing.
    expect(after[note.uid]).toEqual(body(paragraph(text('Ask '), { type: ACTOR_MENTION_NODE, version: 1, actorUid: null, name: gone.name })));
    expect({ ...after, [note.uid]: null, 'odd-references': undefined }).toEqual({ ...before, [note.uid]: null });

    expect(callOn(old, 'notes.linking', { kind: 'note', id: fixture.notes.target.id }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
    expect(callOn(old, 'actors.page', { id: fixture.aqim.id }).notes.map((n) => n.id)).toContain(fixture.notes.reading.id);
    expect(callOn(old, 'notes.get', { id: fixture.notes.reading.id }).passages).toEqual({
      [fixture.highlights.timbuktu.uid]: { highlightId: fixture.highlights.timbuktu.id, documentId: fixture.article.id },
      [fixture.highlights.convoy.uid]: { highlightId: fixture.highlights.convoy.id, documentId: fixture.fieldNotes.id },
    });
    expect(callOn(old, 'export.noteMarkdown', { id: fixture.notes.reading.id }).content).toBe(markdown);

    // Saved again as the editor would, the note keeps its backlinks (the links table is derived by uid now).
    const reading = callOn(old, 'notes.get', { id: fixture.notes.reading.id });
    callOn(old, 'notes.save', { id: reading.id, title: reading.title, body: reading.body });
    expect(callOn(old, 'notes.linking', { kind: 'note', id: fixture.notes.target.id }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
    expect(callOn(old, 'notes.linking', { kind: 'highlight', id: fixture.highlights.convoy.id }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
  });
});
