import type { GradeFilter } from '../../common/admiralty';
import type { AllHighlights, HighlightColour, LibraryHighlight } from '../../common/records';
import { byTitle } from '../../common/sort-orders';
import { tagKey } from '../../common/document-details';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { gradeConditions } from './grade-conditions';
import { AREA_ORDER, JOINED_HIGHLIGHT_COLUMNS, themeIdsOf, toHighlight, type HighlightRow } from './highlight-repo';

/**
 * Every live highlight of the library in one list, narrowed by document, actor, colour, date, collection, tag and grade: the
 * researcher's commonplace book. Newest first answers "what did I mark lately"; reading order
 * (documents by title, then where in each) reads like the sources themselves.
 */

/** More than anyone reads in one list; the count still says how many match, so a filter can narrow them. */
export const ALL_HIGHLIGHTS_AT_MOST = 2_000;

export interface AllHighlightsFilter extends GradeFilter {
  order: 'newest' | 'reading';
  documentId?: number | undefined;
  actorId?: number | undefined;
  themeId?: number | undefined;
  colour?: HighlightColour | undefined;
  /** Created at or after this instant (ISO 8601). */
  createdFrom?: string | undefined;
  /** Created before this instant: a day range's end is the start of the day after it. */
  createdBefore?: string | undefined;
  collectionId?: number | undefined;
  tag?: string | undefined;
}

type Row = HighlightRow & { document_title: string };

const COLUMNS = JOINED_HIGHLIGHT_COLUMNS;

export function listAllHighlights(library: Library, filter: AllHighlightsFilter): AllHighlights {
  const conditions = ['h.deleted_at IS NULL'];
  const params: Array<string | number> = [];
  if (filter.documentId !== undefined) {
    conditions.push('h.document_id = ?');
    params.push(filter.documentId);
  }
  if (filter.colour !== undefined) {
    conditions.push('h.colour = ?');
    params.push(filter.colour);
  }
  // Stored times are toISOString()'s; an instant written any other way (no milliseconds, an offset) is
  // rewritten the same way, so comparing the strings compares the times.
  if (filter.createdFrom !== undefined) {
    conditions.push('h.created_at >= ?');
    params.push(new Date(filter.createdFrom).toISOString());
  }
  if (filter.createdBefore !== undefined) {
    conditions.push('h.created_at < ?');
    params.push(new Date(filter.createdBefore).toISOString());
  }
  if (filter.actorId !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM highlight_actors ha WHERE ha.highlight_id = h.id AND ha.actor_id = ?)');
    params.push(filter.actorId);
  }
  if (filter.themeId !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM highlight_themes ht WHERE ht.highlight_id = h.id AND ht.theme_id = ?)');
    params.push(filter.themeId);
  }
  if (filter.collectionId !== undefined) {
    conditions.push('h.document_id IN (SELECT document_id FROM document_collections WHERE collection_id = ?)');
    params.push(filter.collectionId);
  }
  if (filter.tag !== undefined) {
    // A tag as the documents carry it: case, accents and spacing aside.
    conditions.push('h.document_id IN (SELECT document_id FROM document_tags WHERE tag_key = ?)');
    params.push(tagKey(filter.tag));
  }
  for (const grade of gradeConditions(filter)) {
    conditions.push(grade.sql);
    params.push(...grade.params);
  }
  const where = conditions.join(' AND ');
  const { total } = prepare<typeof params, { total: number }>(
    library.db,
    `SELECT count(*) AS total FROM highlights h JOIN documents d ON d.id = h.document_id WHERE ${where}`,
  ).get(...params)!;

  const rows = filter.order === 'newest' ? newestFirst(library, where, params) : inReadingOrder(library, where, params);
  return { total, atMost: ALL_HIGHLIGHTS_AT_MOST, highlights: withTags(library, rows) };
}

function newestFirst(library: Library, where: string, params: Array<string | number>): Row[] {
  return prepare<unknown[], Row>(
    library.db,
    `SELECT ${COLUMNS}, d.title AS document_title FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE ${where} ORDER BY h.created_at DESC, h.id DESC LIMIT ?`,
  ).all(...params, ALL_HIGHLIGHTS_AT_MOST);
}

/** Documents in title order (sorted here, as titles sort everywhere), then each one's highlights by place, until the list is full. */
function inReadingOrder(library: Library, where: string, params: Array<string | number>): Row[] {
  const documents = prepare<unknown[], { id: number; title: string }>(
    library.db,
    `SELECT DISTINCT d.id, d.title FROM highlights h JOIN documents d ON d.id = h.document_id WHERE ${where}`,
  )
    .all(...params)
    .sort(byTitle);
  const inDocument = prepare<unknown[], Row>(
    library.db,
    `SELECT ${COLUMNS}, d.title AS document_title FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE ${where} AND h.document_id = ? ORDER BY h.position_start, h.position_end, ${AREA_ORDER}, h.id LIMIT ?`,
  );
  const rows: Row[] = [];
  for (const document of documents) {
    if (rows.length >= ALL_HIGHLIGHTS_AT_MOST) break;
    rows.push(...inDocument.all(...params, document.id, ALL_HIGHLIGHTS_AT_MOST - rows.length));
  }
  return rows;
}

function withTags(library: Library, rows: Row[]): LibraryHighlight[] {
  const tags = new Map<number, number[]>();
  const tagRows = prepare<[string], { highlight_id: number; actor_id: number }>(
    library.db,
    'SELECT highlight_id, actor_id FROM highlight_actors WHERE highlight_id IN (SELECT value FROM json_each(?)) ORDER BY actor_id',
  ).all(JSON.stringify(rows.map((row) => row.id)));
  for (const tag of tagRows) {
    const list = tags.get(tag.highlight_id) ?? [];
    list.push(tag.actor_id);
    tags.set(tag.highlight_id, list);
  }
  const themes = themeIdsOf(library, rows.map((row) => row.id));
  return rows.map((row) => ({ ...toHighlight(row, tags.get(row.id) ?? [], themes.get(row.id) ?? []), documentTitle: row.document_title }));
}
