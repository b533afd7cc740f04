import { canonicalLanguageTag, cleanTag, tagKey } from '../../common/document-details';
import type { DocumentSummary } from '../../common/records';
import { nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { getDocumentSummary } from './document-repo';

/** What the person may change about a document; each field omitted is left as it is, null clears it. */
export interface DocumentDetailsChange {
  title?: string;
  authors?: string[];
  published?: string | null;
  publisher?: string | null;
  sourceUrl?: string | null;
  language?: string | null;
  citation?: string | null;
  tags?: string[];
  collectionIds?: number[];
}

const COLUMNS = { title: 'title', published: 'published', publisher: 'publisher', sourceUrl: 'source_url', language: 'language', citation: 'citation' } as const;

/**
 * Writes a document's details, tags and collections as one change (the caller's transaction).
 * Values arrive checked by the contract; here they are put in their stored shape: blank text is
 * no value, a language tag in its canonical case, tags single-spaced and without a leading '#'.
 * A list given replaces the list stored, so what the person sees saved is what they sent.
 */
export function updateDocumentDetails(library: Library, id: number, change: DocumentDetailsChange): DocumentSummary {
  const before = getDocumentSummary(library, id);
  const sets: string[] = [];
  const values: Record<string, unknown> = { id };
  for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
    if (change[field] === undefined) continue;
    let value = blankToNull(change[field]);
    if (field === 'title' && value === null) throw new FieldbookError('invalid_input', 'A document needs a title.');
    if (field === 'language' && value !== null) value = canonicalLanguageTag(value);
    sets.push(`${column} = @${field}`);
    values[field] = value;
  }
  if (change.authors !== undefined) {
    sets.push('authors = @authors');
    values.authors = JSON.stringify(uniqueBy(change.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean), (a) => a.toLowerCase()));
  }
  const collectionsChanged = change.collectionIds !== undefined && setCollections(library, id, change.collectionIds);
  const tagsChanged = change.tags !== undefined && setTags(library, id, before.tags, change.tags);
  if (sets.length > 0 || collectionsChanged || tagsChanged) {
    sets.push('updated_at = @updatedAt');
    values.updatedAt = nowIso();
    prepare(library.db, `UPDATE documents SET ${sets.join(', ')} WHERE id = @id`).run(values);
  }
  return getDocumentSummary(library, id);
}

/** Whether the tags changed; when they did not, nothing is written (and nothing logged). */
function setTags(library: Library, id: number, current: string[], tags: string[]): boolean {
  const wanted = uniqueBy(tags.map(cleanTag).filter(Boolean), tagKey).filter((tag) => tagKey(tag).length > 0);
  if (JSON.stringify([...wanted].sort()) === JSON.stringify([...current].sort())) return false;
  prepare(library.db, 'DELETE FROM document_tags WHERE document_id = ?').run(id);
  const insert = prepare(library.db, 'INSERT INTO document_tags (document_id, tag, tag_key) VALUES (?, ?, ?)');
  for (const tag of wanted) insert.run(id, tag, tagKey(tag));
  return true;
}

function setCollections(library: Library, id: number, collectionIds: number[]): boolean {
  const exists = prepare<[number], { id: number }>(library.db, 'SELECT id FROM collections WHERE id = ?');
  for (const collectionId of collectionIds) {
    if (!exists.get(collectionId)) throw new FieldbookError('not_found', `There is no collection with id ${collectionId}.`);
  }
  const current = new Set(
    prepare<[number], { collection_id: number }>(library.db, 'SELECT collection_id FROM document_collections WHERE document_id = ?')
      .all(id)
      .map((row) => row.collection_id),
  );
  const wanted = new Set(collectionIds);
  // Only what changes is written, so the log names only the collections whose counts moved.
  const remove = prepare(library.db, 'DELETE FROM document_collections WHERE document_id = ? AND collection_id = ?');
  const add = prepare(library.db, 'INSERT INTO document_collections (document_id, collection_id) VALUES (?, ?)');
  let changed = false;
  for (const collectionId of current) if (!wanted.has(collectionId)) changed = remove.run(id, collectionId).changes > 0 || changed;
  for (const collectionId of wanted) if (!current.has(collectionId)) changed = add.run(id, collectionId).changes > 0 || changed;
  return changed;
}

/** Every distinct tag in the library with how many documents carry it, A to Z. */
export function listDocumentTags(library: Library): Array<{ tag: string; documentCount: number }> {
  return prepare<[], { tag: string; documentCount: number }>(
    library.db,
    // A tag written several ways ("Sahel", "sahel") is one tag, shown in one of its spellings.
    `SELECT min(tag) AS tag, count(*) AS documentCount FROM document_tags GROUP BY tag_key`,
  )
    .all()
    .sort((a, b) => (tagKey(a.tag) < tagKey(b.tag) ? -1 : tagKey(a.tag) > tagKey(b.tag) ? 1 : 0));
}

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The first of each set of items with the same key, in their order. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const kept = new Map<string, T>();
  for (const item of items) if (!kept.has(key(item))) kept.set(key(item), item);
  return [...kept.values()];
}
