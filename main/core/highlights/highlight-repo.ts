import type { Credibility, Reliability } from '../../common/admiralty';
import type { Highlight, HighlightArea, HighlightColour } from '../../common/records';
import { newUid, nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { describeRange, type Anchoring, type Selectors } from './anchor';
import { wholeCodePoints } from '../text/code-points';
import { inReadingOrder } from '../../common/sort-orders';

/** A highlight's own columns, as HIGHLIGHT_COLUMNS selects them. */
export interface OwnHighlightRow {
  id: number;
  uid: string;
  document_id: number;
  position_start: number;
  position_end: number;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  anchor_status: Highlight['status'];
  colour: HighlightColour;
  comment: string;
  created_at: string;
  updated_at: string;
  credibility: Credibility | null;
  /** An area highlight's place (migration 160): all five set, or none for a highlight of text. */
  area_page: number | null;
  area_x: number | null;
  area_y: number | null;
  area_width: number | null;
  area_height: number | null;
}

/** With its document's grade, which the passage is shown with (see JOINED_HIGHLIGHT_COLUMNS). */
export interface HighlightRow extends OwnHighlightRow {
  document_reliability: Reliability | null;
  document_credibility: Credibility | null;
}

const OWN_COLUMNS = [
  'id', 'uid', 'document_id', 'position_start', 'position_end', 'quote_exact', 'quote_prefix', 'quote_suffix',
  'anchor_status', 'colour', 'comment', 'created_at', 'updated_at', 'credibility',
  'area_page', 'area_x', 'area_y', 'area_width', 'area_height',
] as const;

export const HIGHLIGHT_COLUMNS = OWN_COLUMNS.join(', ');

/** What a HighlightRow is read from: a query over `highlights h JOIN documents d ON d.id = h.document_id`. */
export const JOINED_HIGHLIGHT_COLUMNS = `${OWN_COLUMNS.map((column) => `h.${column}`).join(', ')},
  d.reliability AS document_reliability, d.credibility AS document_credibility`;

export function insertHighlight(
  library: Library,
  documentId: number,
  selectors: Selectors,
  colour: HighlightColour,
  comment: string,
): number {
  const now = nowIso();
  const result = prepare(
    library.db,
    `INSERT INTO highlights (uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
       anchor_status, colour, comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?, ?)`,
  ).run(
    newUid(),
    documentId,
    selectors.quote.exact,
    selectors.quote.prefix,
    selectors.quote.suffix,
    selectors.position.start,
    selectors.position.end,
    colour,
    comment,
    now,
    now,
  );
  return Number(result.lastInsertRowid);
}

/**
 * Where passages sort within a document, after their offset: an area by its page (a scan's pages
 * all start at offset 0), then from the top of the page. Highlights of text have no area and come
 * first at an offset, as inReadingOrder puts them. For a query over `highlights h`.
 */
export const AREA_ORDER = 'h.area_page, h.area_y, h.area_x';

/**
 * An area highlight (see migration 160): no quote, and its offsets are its page's first, so it is
 * listed at the top of its page and any "which page is this on" reads the page.
 */
export function insertAreaHighlight(
  library: Library,
  documentId: number,
  pageStart: number,
  area: HighlightArea,
  colour: HighlightColour,
  comment: string,
): number {
  const now = nowIso();
  const result = prepare(
    library.db,
    `INSERT INTO highlights (uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
       anchor_status, colour, comment, created_at, updated_at, area_page, area_x, area_y, area_width, area_height)
     VALUES (?, ?, '', '', '', ?, ?, 'exact', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newUid(), documentId, pageStart, pageStart, colour, comment, now, now, area.page, area.x, area.y, area.width, area.height);
  return Number(result.lastInsertRowid);
}

export function getHighlight(library: Library, id: number, options: { includeDeleted?: boolean } = {}): Highlight {
  const row = prepare<[number], HighlightRow & { deleted_at: string | null }>(
    library.db,
    `SELECT ${JOINED_HIGHLIGHT_COLUMNS}, h.deleted_at FROM highlights h JOIN documents d ON d.id = h.document_id WHERE h.id = ?`,
  ).get(id);
  if (!row || (row.deleted_at !== null && !options.includeDeleted)) {
    throw new FieldbookError('not_found', `There is no highlight with id ${id}.`);
  }
  const actorIds = prepare<[number], { actor_id: number }>(
    library.db,
    'SELECT actor_id FROM highlight_actors WHERE highlight_id = ? ORDER BY actor_id',
  )
    .all(id)
    .map((r) => r.actor_id);
  return toHighlight(row, actorIds, themeIdsOf(library, [id]).get(id) ?? []);
}

export function listHighlights(library: Library, documentId: number): Highlight[] {
  const rows = prepare<[number], HighlightRow>(
    library.db,
    `SELECT ${JOINED_HIGHLIGHT_COLUMNS} FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE h.document_id = ? AND h.deleted_at IS NULL`,
  ).all(documentId);
  const tags = new Map<number, number[]>();
  for (const tag of prepare<[number], { highlight_id: number; actor_id: number }>(
    library.db,
    `SELECT ha.highlight_id, ha.actor_id FROM highlight_actors ha JOIN highlights h ON h.id = ha.highlight_id
     WHERE h.document_id = ? ORDER BY ha.actor_id`,
  ).all(documentId)) {
    const list = tags.get(tag.highlight_id) ?? [];
    list.push(tag.actor_id);
    tags.set(tag.highlight_id, list);
  }
  const themes = themeIdsOf(library, rows.map((row) => row.id));
  return rows.map((row) => toHighlight(row, tags.get(row.id) ?? [], themes.get(row.id) ?? [])).sort(inReadingOrder);
}

/** The highlights of text, to place again on a new version of the text; an area is on a page, not in the text. */
export function listHighlightSelectors(library: Library, documentId: number): Array<{ id: number; selectors: Selectors }> {
  const rows = prepare<[number], OwnHighlightRow>(
    library.db,
    `SELECT ${HIGHLIGHT_COLUMNS} FROM highlights WHERE document_id = ? AND area_page IS NULL ORDER BY position_start, position_end, id`,
  ).all(documentId);
  return rows.map((row) => ({ id: row.id, selectors: selectorsOf(row) }));
}

export function updateHighlight(library: Library, id: number, changes: { colour?: HighlightColour; comment?: string }): void {
  const current = getHighlight(library, id);
  prepare(library.db, 'UPDATE highlights SET colour = ?, comment = ?, updated_at = ? WHERE id = ?').run(
    changes.colour ?? current.colour,
    changes.comment ?? current.comment,
    nowIso(),
    id,
  );
}

/** Soft: the row, its tags and the notes that quote it stay, so an undo restores all of them. */
export function setHighlightDeleted(library: Library, id: number, deleted: boolean): void {
  const result = prepare(library.db, 'UPDATE highlights SET deleted_at = ? WHERE id = ?').run(deleted ? nowIso() : null, id);
  if (result.changes === 0) throw new FieldbookError('not_found', `There is no highlight with id ${id}.`);
}

/**
 * Records where re-anchoring placed a highlight. A placed highlight takes the new text as its
 * quote, so the next version is matched against what the reader now sees. An orphan keeps the
 * quote the user made: it is what the orphan is shown with and what a later version may match.
 */
export function saveAnchoring(library: Library, id: number, anchoring: Anchoring, text: string): void {
  if (anchoring.status === 'orphaned') {
    prepare(library.db, "UPDATE highlights SET anchor_status = 'orphaned' WHERE id = ?").run(id);
    return;
  }
  // An approximate match may end between the halves of a character; the quote must not.
  const { start, end } = wholeCodePoints(text, anchoring.start, anchoring.end);
  const { quote } = describeRange(text, start, end);
  prepare(
    library.db,
    `UPDATE highlights SET anchor_status = ?, position_start = ?, position_end = ?,
       quote_exact = ?, quote_prefix = ?, quote_suffix = ? WHERE id = ?`,
  ).run(anchoring.status, start, end, quote.exact, quote.prefix, quote.suffix, id);
}

function selectorsOf(row: OwnHighlightRow): Selectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { type: 'TextPositionSelector', start: row.position_start, end: row.position_end },
  };
}

/** The actors each of these highlights is tagged with, by id. */
export function actorIdsOf(library: Library, highlightIds: readonly number[]): Map<number, number[]> {
  return idsByHighlight(library, 'SELECT highlight_id, actor_id AS tag_id FROM highlight_actors WHERE highlight_id IN (SELECT value FROM json_each(?)) ORDER BY actor_id', highlightIds);
}

/** The themes each of these highlights is tagged with, by id. */
export function themeIdsOf(library: Library, highlightIds: readonly number[]): Map<number, number[]> {
  return idsByHighlight(library, 'SELECT highlight_id, theme_id AS tag_id FROM highlight_themes WHERE highlight_id IN (SELECT value FROM json_each(?)) ORDER BY theme_id', highlightIds);
}

function idsByHighlight(library: Library, query: string, highlightIds: readonly number[]): Map<number, number[]> {
  const byHighlight = new Map<number, number[]>();
  if (highlightIds.length === 0) return byHighlight;
  for (const row of prepare<[string], { highlight_id: number; tag_id: number }>(library.db, query).all(JSON.stringify(highlightIds))) {
    const list = byHighlight.get(row.highlight_id) ?? [];
    list.push(row.tag_id);
    byHighlight.set(row.highlight_id, list);
  }
  return byHighlight;
}

export function toHighlight(row: HighlightRow, actorIds: number[], themeIds: number[]): Highlight {
  return {
    id: row.id,
    uid: row.uid,
    documentId: row.document_id,
    start: row.position_start,
    end: row.position_end,
    exact: row.quote_exact,
    prefix: row.quote_prefix,
    suffix: row.quote_suffix,
    status: row.anchor_status,
    colour: row.colour,
    comment: row.comment,
    actorIds,
    themeIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    credibility: row.credibility,
    grade: {
      reliability: row.document_reliability,
      credibility: row.credibility ?? row.document_credibility,
      credibilityFromDocument: row.credibility === null && row.document_credibility !== null,
    },
    area: areaOf(row),
  };
}

function areaOf(row: OwnHighlightRow): HighlightArea | null {
  if (row.area_page === null) return null;
  return { page: row.area_page, x: row.area_x!, y: row.area_y!, width: row.area_width!, height: row.area_height! };
}
