import { ACTOR_COLOURS, type Actor, type ActorKind } from '../../common/records';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { nameKey } from '../../common/fold-text';
import { exactNameKey } from './fold-name';
import { sortedByText } from '../../common/sort-orders';

interface ActorRow {
  id: number;
  uid: string;
  name: string;
  kind: ActorKind;
  description: string;
  colour: string;
  created_at: string;
  updated_at: string;
  tag_count: number;
  former_uids: string;
}

const SELECT_ACTORS = `
  SELECT a.id, a.uid, a.name, a.kind, a.description, a.colour, a.created_at, a.updated_at,
    (SELECT count(*) FROM highlight_actors ha JOIN highlights h ON h.id = ha.highlight_id
      WHERE ha.actor_id = a.id AND h.deleted_at IS NULL) AS tag_count,
    (SELECT json_group_array(f.uid) FROM actor_former_uids f WHERE f.actor_id = a.id) AS former_uids
  FROM actors a`;

export interface ActorFields {
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string;
  colour: string;
}

export function listActors(library: Library): Actor[] {
  const rows = prepare<[], ActorRow>(library.db, SELECT_ACTORS).all();
  const aliases = aliasesByActor(library);
  return sortedByText(rows.map((row) => toActor(row, aliases.get(row.id) ?? [])), (actor) => actor.name);
}

export function getActor(library: Library, id: number): Actor {
  const row = prepare<[number], ActorRow>(library.db, `${SELECT_ACTORS} WHERE a.id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no actor with id ${id}.`);
  const aliases = prepare<[number], { alias: string }>(library.db, 'SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY position')
    .all(id)
    .map((r) => r.alias);
  return toActor(row, aliases);
}

export function createActor(library: Library, fields: Omit<ActorFields, 'colour'> & { colour?: string }): Actor {
  const key = exactNameKey(fields.name);
  assertNameFree(library, fields.name, null);
  const now = nowIso();
  const colour = fields.colour ?? defaultColour(nameKey(fields.name));
  const result = prepare(
    library.db,
    `INSERT INTO actors (uid, name, name_key, name_folded, kind, description, colour, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newUid(), fields.name, key, nameKey(fields.name), fields.kind, fields.description, colour, now, now);
  const id = Number(result.lastInsertRowid);
  setAliases(library, id, fields.name, fields.aliases);
  return getActor(library, id);
}

export function updateActor(library: Library, id: number, changes: Partial<ActorFields>): Actor {
  const current = getActor(library, id);
  const name = changes.name ?? current.name;
  const key = exactNameKey(name);
  if (changes.name !== undefined) assertNameFree(library, name, id);
  prepare(
    library.db,
    'UPDATE actors SET name = ?, name_key = ?, name_folded = ?, kind = ?, description = ?, colour = ?, updated_at = ? WHERE id = ?',
  ).run(
    name,
    key,
    nameKey(name),
    changes.kind ?? current.kind,
    changes.description ?? current.description,
    changes.colour ?? current.colour,
    nowIso(),
    id,
  );
  setAliases(library, id, name, changes.aliases ?? current.aliases);
  return getActor(library, id);
}

export function deleteActor(library: Library, id: number): { actor: Actor; tagsRemoved: number } {
  const actor = getActor(library, id);
  prepare(library.db, "DELETE FROM links WHERE target_kind = 'actor' AND target_id = ?").run(id);
  prepare(library.db, 'DELETE FROM actors WHERE id = ?').run(id);
  return { actor, tagsRemoved: actor.tagCount };
}

/**
 * Folds `mergeId` into `keepId`: its tags, judged mentions, aliases, name (kept as an alias) and the notes that
 * mention it move to the kept actor, then it is gone.
 *
 * Notes' bodies are not touched. Mentions name actors by uid, and the merged actor's uid (with
 * any it had itself inherited) becomes a former uid of the actor kept, so its mentions show and
 * open the kept actor. Rewriting each body instead would change notes the person did not edit,
 * and could not reach the copies of those bodies already elsewhere (an archive written before
 * the merge, a library it is restored into), whose mentions the former uid still resolves.
 */
export function mergeActors(library: Library, keepId: number, mergeId: number): Actor {
  const keep = getActor(library, keepId);
  const merged = getActor(library, mergeId);
  prepare(
    library.db,
    'INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) SELECT highlight_id, ? FROM highlight_actors WHERE actor_id = ?',
  ).run(keepId, mergeId);
  // Its judged mentions move too, except where the actor kept was already judged at the same place.
  prepare(
    library.db,
    `UPDATE actor_mentions SET actor_id = ? WHERE actor_id = ? AND NOT EXISTS (
       SELECT 1 FROM actor_mentions kept WHERE kept.actor_id = ? AND kept.document_id = actor_mentions.document_id
         AND kept.position_start = actor_mentions.position_start AND kept.position_end = actor_mentions.position_end)`,
  ).run(keepId, mergeId, keepId);
  prepare(library.db, 'UPDATE actor_former_uids SET actor_id = ? WHERE actor_id = ?').run(keepId, mergeId);
  prepare(library.db, 'INSERT INTO actor_former_uids (uid, actor_id) VALUES (?, ?)').run(merged.uid, keepId);
  prepare(
    library.db,
    `INSERT OR IGNORE INTO links (from_note_id, target_kind, target_id)
     SELECT from_note_id, 'actor', ? FROM links WHERE target_kind = 'actor' AND target_id = ?`,
  ).run(keepId, mergeId);
  prepare(library.db, "DELETE FROM links WHERE target_kind = 'actor' AND target_id = ?").run(mergeId);
  prepare(library.db, 'DELETE FROM actors WHERE id = ?').run(mergeId);
  const aliases = [...keep.aliases, merged.name, ...merged.aliases];
  setAliases(library, keepId, keep.name, aliases);
  prepare(library.db, 'UPDATE actors SET updated_at = ? WHERE id = ?').run(nowIso(), keepId);
  return getActor(library, keepId);
}

/** The actor a name belongs to, as its name or one of its aliases; null when it is free. */
export function actorIdNamed(library: Library, name: string): number | null {
  const same = prepare<[string], { id: number }>(library.db, 'SELECT id FROM actors WHERE name_key = ?').get(exactNameKey(name));
  return same?.id ?? aliasOwner(library, nameKey(name))?.id ?? null;
}

/** Of these aliases for a new actor, those no other actor holds as its name or an alias (see assertAliasFree). */
export function freeAliases(library: Library, aliases: readonly string[]): string[] {
  const named = prepare<[string], { id: number }>(library.db, 'SELECT id FROM actors WHERE name_folded = ? LIMIT 1');
  return aliases.filter((alias) => {
    const folded = nameKey(alias);
    return folded.length > 0 && !named.get(folded) && !aliasOwner(library, folded);
  });
}

/** Replaces an actor's aliases, dropping repeats and any that only respell its own name. */
function setAliases(library: Library, actorId: number, name: string, aliases: string[]): void {
  prepare(library.db, 'DELETE FROM actor_aliases WHERE actor_id = ?').run(actorId);
  const seen = new Set([nameKey(name)]);
  let position = 0;
  for (const alias of aliases.map((a) => a.trim())) {
    const key = nameKey(alias);
    if (key.length === 0) throw new FieldbookError('invalid_input', `The alias “${alias}” has no letters or digits.`);
    if (seen.has(key)) continue;
    seen.add(key);
    assertAliasFree(library, alias, key, actorId);
    prepare(library.db, 'INSERT INTO actor_aliases (actor_id, position, alias, alias_key) VALUES (?, ?, ?, ?)').run(
      actorId,
      position++,
      alias,
      key,
    );
  }
}

/** Two actors may not share a name, nor may a name be another actor's alias. */
function assertNameFree(library: Library, name: string, ownerId: number | null): void {
  const folded = nameKey(name);
  if (folded.length === 0) throw new FieldbookError('invalid_input', `“${name}” has no letters or digits to name an actor by.`);
  const same = prepare<[string], { id: number; name: string }>(library.db, 'SELECT id, name FROM actors WHERE name_key = ?').get(
    exactNameKey(name),
  );
  if (same && same.id !== ownerId) throw new FieldbookError('conflict', `There is already an actor named “${same.name}”.`);
  const owner = aliasOwner(library, folded);
  if (owner && owner.id !== ownerId) {
    throw new FieldbookError('conflict', `“${name}” is already an alias of the actor “${owner.name}”.`);
  }
}

/** An alias is a spelling to find in text, so it must point at one actor only, however it is written. */
function assertAliasFree(library: Library, alias: string, folded: string, ownerId: number): void {
  const named = prepare<[string, number], { name: string }>(
    library.db,
    'SELECT name FROM actors WHERE name_folded = ? AND id != ? LIMIT 1',
  ).get(folded, ownerId);
  if (named) {
    throw new FieldbookError('conflict', `“${alias}” is the name of the actor “${named.name}”; it cannot also be an alias of another.`);
  }
  const owner = aliasOwner(library, folded);
  if (owner && owner.id !== ownerId) {
    throw new FieldbookError('conflict', `“${alias}” is already an alias of the actor “${owner.name}”.`);
  }
}

function aliasOwner(library: Library, folded: string): { id: number; name: string } | undefined {
  return prepare<[string], { id: number; name: string }>(
    library.db,
    'SELECT a.id, a.name FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.alias_key = ?',
  ).get(folded);
}

function aliasesByActor(library: Library): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const row of prepare<[], { actor_id: number; alias: string }>(library.db, 'SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, position').all()) {
    const list = map.get(row.actor_id) ?? [];
    list.push(row.alias);
    map.set(row.actor_id, list);
  }
  return map;
}

function defaultColour(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return ACTOR_COLOURS[hash % ACTOR_COLOURS.length]!;
}

function toActor(row: ActorRow, aliases: string[]): Actor {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    kind: row.kind,
    aliases,
    formerUids: JSON.parse(row.former_uids) as string[],
    description: row.description,
    colour: row.colour,
    tagCount: row.tag_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
