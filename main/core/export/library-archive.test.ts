import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../db/library';
import { ARCHIVE_VERSION, exportLibraryArchive, libraryArchiveJson, parseLibraryArchive, type LibraryArchive } from './library-archive';
import { restoreArchive } from './restore-archive';
import { body, callOn, paragraph, populate, tempLibrary, text, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
/** How many mentions the fixture's documents have judged (see judgeMentions). */
let judged: number;
beforeEach(() => {
  t = tempLibrary('fieldbook-archive-');
  fixture = populate(t.library);
  judged = judgeMentions(t.library);
});

/** In every document: the first place an actor is named is accepted as it, the next rejected. */
function judgeMentions(library: Library): number {
  let judgements = 0;
  for (const document of callOn(library, 'documents.list', {})) {
    const [first, second] = callOn(library, 'actors.mentions', { documentId: document.id });
    if (first) judgements += callOn(library, 'actors.acceptMentions', { documentId: document.id, actorId: first.actorId, ranges: [{ start: first.start, end: first.end }] }).accepted;
    if (second) {
      callOn(library, 'actors.rejectMention', { documentId: document.id, actorId: second.actorId, start: second.start, end: second.end });
      judgements++;
    }
  }
  return judgements;
}
afterEach(() => t.cleanup());

const TABLES: Record<string, string> = {
  documents: 'SELECT * FROM documents ORDER BY uid',
  highlights: 'SELECT * FROM highlights ORDER BY uid',
  actors: 'SELECT * FROM actors ORDER BY uid',
  actor_aliases: 'SELECT a.uid, x.* FROM actor_aliases x JOIN actors a ON a.id = x.actor_id ORDER BY a.uid, x.position',
  highlight_actors: 'SELECT h.uid AS h, a.uid AS a, ha.* FROM highlight_actors ha JOIN highlights h ON h.id = ha.highlight_id JOIN actors a ON a.id = ha.actor_id ORDER BY h.uid, a.uid',
  notes: 'SELECT * FROM notes ORDER BY uid',
  links: 'SELECT n.uid, l.* FROM links l JOIN notes n ON n.id = l.from_note_id ORDER BY n.uid, l.target_kind, l.target_id',
  actor_former_uids: 'SELECT f.uid, a.uid AS actor FROM actor_former_uids f JOIN actors a ON a.id = f.actor_id ORDER BY f.uid',
  actors_fts: 'SELECT rowid, name, aliases, description FROM actors_fts ORDER BY rowid',
  actor_mentions:
    'SELECT m.*, d.uid AS document, a.uid AS actor FROM actor_mentions m JOIN documents d ON d.id = m.document_id JOIN actors a ON a.id = m.actor_id ORDER BY m.uid',
};
const dump = (library: Library) => Object.fromEntries(Object.entries(TABLES).map(([table, sql]) => [table, library.db.prepare(sql).all()]));
const count = (library: Library, table: string) => (library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * The archive as Fieldbook wrote it before bodies named rows by uid (archive version 1, schema
 * 30): every reference inside a body is the archive's local id of the row, and actors carry no
 * former uids.
 */
function asVersion1(archive: LibraryArchive): unknown {
  const ids = (rows: Array<{ id: number; uid: string }>) => new Map(rows.map((row) => [row.uid, row.id]));
  const fields: Record<string, Map<string, number>> = {
    noteUid: ids(archive.notes),
    actorUid: ids(archive.actors),
    highlightUid: ids(archive.highlights),
    documentUid: ids(archive.documents),
  };
  const toIds = (node: Record<string, unknown>): void => {
    for (const [field, byUid] of Object.entries(fields)) {
      if (!(field in node)) continue;
      const uid = node[field];
      delete node[field];
      node[field.replace(/Uid$/, 'Id')] = typeof uid === 'string' ? (byUid.get(uid) ?? null) : null;
    }
    if (Array.isArray(node.children)) for (const child of node.children) toIds(child as Record<string, unknown>);
  };
  return {
    ...archive,
    version: 1,
    schemaVersion: 30,
    actors: archive.actors.map(({ formerUids: _formerUids, ...actor }) => actor),
    notes: archive.notes.map((note) => {
      const state = JSON.parse(note.bodyJson) as { root: Record<string, unknown> };
      toIds(state.root);
      return { ...note, bodyJson: JSON.stringify(state) };
    }),
  };
}

describe('the library archive', () => {
  it('restores into a new library identically, row by row, and the restored library works', () => {
    const json = libraryArchiveJson(t.library);
    const fresh = t.open('restored.sqlite');
    expect(count(fresh, 'documents')).toBe(1); // the bundled article a new library starts with

    const report = restoreArchive(fresh, json);

    expect(report.conflicts).toEqual([]);
    expect(report.added).toEqual({ documents: 1, highlights: 5, actors: 3, mentions: judged, notes: 3, links: 7, themes: 0 });
    expect(report.unchanged.documents).toBe(1);
    const before = dump(t.library);
    const after = dump(fresh);
    for (const table of Object.keys(TABLES)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(count(fresh, 'notes')).toBe(3);

    // Search, backlinks and the soft-deleted state came back with the rows.
    const call = <N extends Parameters<typeof callOn>[1]>(name: N, input: unknown) => callOn(fresh, name, input);
    expect(call('search.query', { query: 'Kidal', kinds: ['highlight'] }).highlights).toHaveLength(1);
    expect(call('search.query', { query: 'Sanctuaries', kinds: ['note'] }).notes.map((n) => n.title)).toEqual(['Sanctuaries']);
    expect(call('notes.linking', { kind: 'note', id: fixture.notes.target.id }).map((n) => n.title)).toEqual(['Reading notes: Mali/Sahel?']);
    expect(call('notes.list', {}).map((n) => n.title)).not.toContain('Discarded idea');
    expect(call('notes.restore', { id: fixture.notes.deleted.id }).title).toBe('Discarded idea');
    expect(call('highlights.list', { documentId: fixture.fieldNotes.id }).map((h) => h.status)).toEqual(['exact', 'orphaned']);
    expect(call('actors.page', { id: fixture.mali.id }).actor.aliases).toEqual(['Malian state', 'Republic of Mali', 'RM']);
  });

  it('restoring the same archive twice adds nothing the second time', () => {
    const json = libraryArchiveJson(t.library);
    const report = restoreArchive(t.library, json);
    expect(report.added).toEqual({ documents: 0, highlights: 0, actors: 0, mentions: 0, notes: 0, links: 0, themes: 0 });
    expect(report.unchanged).toEqual({ documents: 2, highlights: 5, actors: 3, mentions: judged, notes: 3, links: 7, themes: 0 });
    expect(report.conflicts).toEqual([]);
  });

  it('merges into a library in use: no duplicates, new rows remapped, conflicting edits reported and not overwritten', () => {
    const archive = exportLibraryArchive(t.library);
    // A second library that shares part of the history: started from the same archive, then both sides moved on.
    const other = t.open('other.sqlite');
    const otherCall = <N extends Parameters<typeof callOn>[1]>(name: N, input: unknown) => callOn(other, name, input);
    const early = structuredClone(archive);
    early.notes = early.notes.filter((n) => n.uid !== fixture.notes.reading.uid);
    early.links = early.links.filter((l) => l.fromNoteId !== fixture.notes.reading.id);
    restoreArchive(other, early);
    // Work of its own, taking ids the archive's rows used.
    const own = otherCall('notes.create', { title: 'Only here' });
    const ownActor = otherCall('actors.create', { name: 'Ansar Dine', kind: 'group' });
    otherCall('notes.save', { id: own.id, title: 'Only here', body: body(paragraph(text('local'))) });
    // A conflicting edit to a row both have, and an actor that clashes by name.
    otherCall('highlights.update', { id: fixture.highlights.timbuktu.id, comment: 'Edited here' });
    otherCall('actors.delete', { id: fixture.belmokhtar.id });
    const namesake = otherCall('actors.create', { name: 'Mokhtar Belmokhtar', kind: 'person' });

    const report = restoreArchive(other, archive);

    expect(report.added).toMatchObject({ documents: 0, highlights: 0, actors: 0, notes: 1 });
    expect(report.conflicts).toEqual([
      expect.objectContaining({ kind: 'actor', uid: fixture.belmokhtar.uid, title: 'Mokhtar Belmokhtar', reason: expect.stringMatching(/already named “Mokhtar Belmokhtar”/) }),
      expect.objectContaining({ kind: 'highlight', uid: fixture.highlights.timbuktu.uid, reason: expect.stringMatching(/library’s version was kept/) }),
    ]);
    // Nothing duplicated; the local edit survived.
    for (const table of ['documents', 'highlights', 'actors']) {
      const uids = other.db.prepare(`SELECT uid FROM ${table}`).all() as Array<{ uid: string }>;
      expect(new Set(uids.map((u) => u.uid)).size).toBe(uids.length);
    }
    expect(count(other, 'documents')).toBe(2);
    expect(count(other, 'actors')).toBe(4);
    expect(otherCall('highlights.list', { documentId: fixture.article.id }).find((h) => h.uid === fixture.highlights.timbuktu.uid)?.comment).toBe('Edited here');
    // The new note's body is the archive's, byte for byte (it names rows by uid), and its links point at this library's rows.
    const restored = other.db.prepare('SELECT id, body_json FROM notes WHERE uid = ?').get(fixture.notes.reading.uid) as { id: number; body_json: string };
    expect(restored.body_json).toBe(archive.notes.find((n) => n.uid === fixture.notes.reading.uid)!.bodyJson);
    const targetId = (other.db.prepare('SELECT id FROM notes WHERE uid = ?').get(fixture.notes.target.uid) as { id: number }).id;
    expect(otherCall('notes.linking', { kind: 'note', id: targetId }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
    expect(otherCall('notes.linking', { kind: 'actor', id: fixture.aqim.id }).map((n) => n.uid)).toContain(fixture.notes.reading.uid);
    expect(otherCall('notes.linking', { kind: 'note', id: own.id })).toEqual([]);
    expect(ownActor.id).toBeGreaterThan(0);
    // The namesake actor keeps its row, and got nothing overwritten; the archive's mentions of its
    // refused actor name it now, by that actor's uid.
    expect(otherCall('actors.page', { id: namesake.id }).actor.aliases).toEqual([]);
    expect(otherCall('actors.list', {}).find((a) => a.id === namesake.id)?.formerUids).toEqual([fixture.belmokhtar.uid]);
  });

  it('restores an archive written before a merge into the library after it: the merged actor is not added again', () => {
    const json = libraryArchiveJson(t.library);
    callOn(t.library, 'actors.merge', { keepId: fixture.belmokhtar.id, mergeId: fixture.aqim.id });
    // Its old name no longer an alias either, so only its uid tells who it became.
    callOn(t.library, 'actors.update', { id: fixture.belmokhtar.id, aliases: [] });

    const report = restoreArchive(t.library, json);

    expect(report.added.actors).toBe(0);
    expect(report.conflicts).toContainEqual(
      expect.objectContaining({ kind: 'actor', uid: fixture.aqim.uid, reason: expect.stringMatching(/merged into “Mokhtar Belmokhtar” in this library/) }),
    );
    expect(t.library.db.prepare('SELECT count(*) AS n FROM actors WHERE uid = ?').get(fixture.aqim.uid)).toEqual({ n: 0 });
    expect(callOn(t.library, 'actors.list', {}).find((a) => a.id === fixture.belmokhtar.id)?.formerUids).toEqual([fixture.aqim.uid]);
    expect(callOn(t.library, 'notes.linking', { kind: 'actor', id: fixture.belmokhtar.id }).map((n) => n.uid)).toContain(fixture.notes.reading.uid);
  });

  it('gives new ids and remaps every reference when the archived ids are taken', () => {
    const archive = exportLibraryArchive(t.library);
    const other = t.open('busy.sqlite');
    const otherCall = <N extends Parameters<typeof callOn>[1]>(name: N, input: unknown) => callOn(other, name, input);
    for (let i = 0; i < 4; i++) otherCall('notes.create', { title: `Busy ${i}` });
    for (let i = 0; i < 5; i++) otherCall('actors.create', { name: `Local actor ${i}`, kind: 'other' });
    const [doc] = otherCall('documents.list', {});
    for (let i = 0; i < 6; i++) otherCall('highlights.create', { documentId: doc!.id, start: i * 10, end: i * 10 + 5, colour: 'red' });

    const report = restoreArchive(other, archive);
    expect(report.added).toEqual({ documents: 1, highlights: 5, actors: 3, mentions: judged, notes: 3, links: 7, themes: 0 });
    expect(report.unchanged.documents).toBe(1);
    const reading = other.db.prepare('SELECT id, body_json FROM notes WHERE uid = ?').get(fixture.notes.reading.uid) as { id: number; body_json: string };
    const idOf = (table: string, uid: string) => (other.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).get(uid) as { id: number }).id;
    // Its body names rows by uid, so it comes in untouched; the editor is told where its quotes are here.
    expect(reading.body_json).toBe(archive.notes.find((n) => n.uid === fixture.notes.reading.uid)!.bodyJson);
    expect(callOn(other, 'notes.get', { id: reading.id }).passages).toEqual({
      [fixture.highlights.timbuktu.uid]: { highlightId: idOf('highlights', fixture.highlights.timbuktu.uid), documentId: doc!.id },
      [fixture.highlights.convoy.uid]: { highlightId: idOf('highlights', fixture.highlights.convoy.uid), documentId: idOf('documents', fixture.fieldNotes.uid) },
    });
    expect(callOn(other, 'notes.linking', { kind: 'actor', id: idOf('actors', fixture.aqim.uid) }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
    const tags = other.db
      .prepare('SELECT a.uid FROM highlight_actors ha JOIN actors a ON a.id = ha.actor_id WHERE ha.highlight_id = ? ORDER BY a.name')
      .all(idOf('highlights', fixture.highlights.convoy.uid)) as Array<{ uid: string }>;
    expect(tags.map((r) => r.uid)).toEqual([fixture.aqim.uid, fixture.belmokhtar.uid]);
    expect(callOn(other, 'highlights.list', { documentId: doc!.id })).toHaveLength(8);
  });

  it('refuses wrong, newer and damaged archives with clear messages, writing nothing', () => {
    const archive = exportLibraryArchive(t.library);
    const fresh = t.open('refusing.sqlite');
    expect(() => restoreArchive(fresh, '{not json')).toThrow(/not a Fieldbook archive: it is not JSON/);
    expect(() => restoreArchive(fresh, { format: 'something-else' })).toThrow(/not a Fieldbook archive/);
    expect(() => restoreArchive(fresh, { ...archive, version: ARCHIVE_VERSION + 1 })).toThrow(`newer version of Fieldbook (archive version ${ARCHIVE_VERSION + 1}`);
    expect(() => restoreArchive(fresh, { ...archive, actors: [], highlightActors: [], notes: [], links: [] })).toThrow(/mention .* joins document \d+ and actor \d+, which are not both in it/);
    expect(() => restoreArchive(fresh, { ...archive, schemaVersion: 999 })).toThrow(/newer library \(schema 999/);
    expect(() => restoreArchive(fresh, { ...archive, highlights: [{ ...archive.highlights[0], colour: 'orange' }] })).toThrow(/damaged at highlights\.0\.colour/);
    expect(() => restoreArchive(fresh, { ...archive, documents: archive.documents.slice(1) })).toThrow(/belongs to document \d+, which is not in it/);
    expect(count(fresh, 'highlights') + count(fresh, 'notes') + count(fresh, 'actors')).toBe(0);
    expect(count(fresh, 'documents')).toBe(1);
  });

  it('carries judged mentions, and restores a version 3 archive (from before them) as having none', () => {
    expect(judged).toBeGreaterThan(1);
    const archive = exportLibraryArchive(t.library);
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.actorMentions.map((m) => m.status)).toContain('rejected');

    const { actorMentions: _none, ...version3 } = { ...archive, version: 3 };
    const fresh = t.open('from-version-3.sqlite');
    const report = restoreArchive(fresh, JSON.stringify(version3));
    expect(report.added).toEqual({ documents: 1, highlights: 5, actors: 3, mentions: 0, notes: 3, links: 7, themes: 0 });
    expect(count(fresh, 'actor_mentions')).toBe(0);

    // The same archive with its mentions, restored over that library, adds only them, on their places.
    expect(restoreArchive(fresh, archive).added).toEqual({ documents: 0, highlights: 0, actors: 0, mentions: judged, notes: 0, links: 0, themes: 0 });
    expect(dump(fresh).actor_mentions).toEqual(dump(t.library).actor_mentions);
    const [document] = callOn(fresh, 'documents.list', {}).filter((d) => archive.actorMentions.some((m) => m.documentId === d.id));
    expect(callOn(fresh, 'actors.mentions', { documentId: document!.id }).map((m) => m.status)).toEqual(
      callOn(t.library, 'actors.mentions', { documentId: document!.id }).map((m) => m.status),
    );
  });

  it('restores a version 1 archive, whose bodies name rows by the archive’s ids, with every body naming them by uid', () => {
    const archive = exportLibraryArchive(t.library);
    const old = JSON.stringify(asVersion1(archive));
    expect(old).toContain('\\"noteId\\":');
    expect(old).not.toContain('Uid\\":');
    const bodies = (library: Library) =>
      Object.fromEntries((library.db.prepare('SELECT uid, body_json FROM notes').all() as Array<{ uid: string; body_json: string }>).map((n) => [n.uid, JSON.parse(n.body_json) as unknown]));

    // Into a new library: the same bodies as the library the archive came from, and the same backlinks.
    const fresh = t.open('from-version-1.sqlite');
    restoreArchive(fresh, old);
    expect(bodies(fresh)).toEqual(bodies(t.library));
    expect(callOn(fresh, 'notes.linking', { kind: 'note', id: fixture.notes.target.id }).map((n) => n.uid)).toEqual([fixture.notes.reading.uid]);
    expect(callOn(fresh, 'export.noteMarkdown', { id: fixture.notes.reading.id }).content).toBe(callOn(t.library, 'export.noteMarkdown', { id: fixture.notes.reading.id }).content);

    // Into a library whose ids are taken: the archive's ids are read as the archive's rows, not this library's.
    const busy = t.open('busy-version-1.sqlite');
    for (let i = 0; i < 4; i++) callOn(busy, 'notes.create', { title: `Busy ${i}` });
    for (let i = 0; i < 5; i++) callOn(busy, 'actors.create', { name: `Local actor ${i}`, kind: 'other' });
    restoreArchive(busy, old);
    const reading = busy.db.prepare('SELECT id FROM notes WHERE uid = ?').get(fixture.notes.reading.uid) as { id: number };
    expect(bodies(busy)[fixture.notes.reading.uid]).toEqual(bodies(t.library)[fixture.notes.reading.uid]);
    const aqim = busy.db.prepare('SELECT id FROM actors WHERE uid = ?').get(fixture.aqim.uid) as { id: number };
    expect(callOn(busy, 'notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.id)).toEqual([reading.id]);
  });

  it('parses its own output and carries every soft-deleted row', () => {
    const archive = parseLibraryArchive(libraryArchiveJson(t.library));
    expect(archive.notes.find((n) => n.uid === fixture.notes.deleted.uid)?.deletedAt).toEqual(expect.any(String));
    expect(archive.highlights.find((h) => h.uid === fixture.highlights.deleted.uid)?.deletedAt).toEqual(expect.any(String));
    expect(archive.highlights.find((h) => h.uid === fixture.highlights.orphan.uid)?.anchorStatus).toBe('orphaned');
  });
});
