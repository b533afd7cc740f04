import { nameKey } from '../../common/fold-text';
import type { Collection } from '../../common/records';
import { sortedByText } from '../../common/sort-orders';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';

interface CollectionRow {
  id: number;
  uid: string;
  name: string;
  created_at: string;
  updated_at: string;
  document_count: number;
}

const SELECT = `SELECT c.id, c.uid, c.name, c.created_at, c.updated_at,
  (SELECT count(*) FROM document_collections dc WHERE dc.collection_id = c.id) AS document_count FROM collections c`;

/** Every collection, A to Z, with how many documents it holds. */
export function listCollections(library: Library): Collection[] {
  return sortedByText(prepare<[], CollectionRow>(library.db, SELECT).all().map(toCollection), (collection) => collection.name);
}

export function getCollection(library: Library, id: number): Collection {
  const row = prepare<[number], CollectionRow>(library.db, `${SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no collection with id ${id}.`);
  return toCollection(row);
}

export function createCollection(library: Library, name: string): Collection {
  const clean = cleanName(name);
  assertNameFree(library, clean);
  const now = nowIso();
  const result = prepare(library.db, 'INSERT INTO collections (uid, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    newUid(),
    clean,
    nameKey(clean),
    now,
    now,
  );
  return getCollection(library, Number(result.lastInsertRowid));
}

export function renameCollection(library: Library, id: number, name: string): Collection {
  const before = getCollection(library, id);
  const clean = cleanName(name);
  if (clean === before.name) return before;
  assertNameFree(library, clean, id);
  prepare(library.db, 'UPDATE collections SET name = ?, name_key = ?, updated_at = ? WHERE id = ?').run(clean, nameKey(clean), nowIso(), id);
  return getCollection(library, id);
}

/** The collection goes; its documents stay in the library and in their other collections. */
export function deleteCollection(library: Library, id: number): Collection {
  const collection = getCollection(library, id);
  prepare(library.db, 'DELETE FROM collections WHERE id = ?').run(id);
  return collection;
}

/** A collection by its name as typed (case, accents and spacing aside), or null. */
export function findCollectionByName(library: Library, name: string): Collection | null {
  const row = prepare<[string], { id: number }>(library.db, 'SELECT id FROM collections WHERE name_key = ?').get(nameKey(name));
  return row ? getCollection(library, row.id) : null;
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (nameKey(clean) === '') throw new FieldbookError('invalid_input', 'A collection needs a name with at least one letter or digit.');
  return clean;
}

function assertNameFree(library: Library, name: string, exceptId?: number): void {
  const holder = prepare<[string], { id: number; name: string }>(library.db, 'SELECT id, name FROM collections WHERE name_key = ?').get(nameKey(name));
  if (holder && holder.id !== exceptId) throw new FieldbookError('conflict', `There is already a collection named “${holder.name}”.`);
}

function toCollection(row: CollectionRow): Collection {
  return { id: row.id, uid: row.uid, name: row.name, documentCount: row.document_count, createdAt: row.created_at, updatedAt: row.updated_at };
}
