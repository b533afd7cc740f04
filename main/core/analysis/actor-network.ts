import type { ActorNetwork, NetworkFilter, NetworkLink, NetworkLinkPassages, NetworkNode } from '../../common/network';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { HIGHLIGHT_COLUMNS, themeIdsOf, toHighlight, type HighlightRow } from '../highlights/highlight-repo';
import { getActor } from '../actors/actor-repo';

/** A link's passages listed at once; the count says how many there are in all. */
export const LINK_PASSAGES_AT_MOST = 500;

type Param = string | number;

/**
 * The live passages the filter takes in, as SQL over `h` (highlights) and `d` (documents). A
 * partial date compares as text: "2012-03-14" >= "2012-03", and the upper bound is compared on
 * the bound's own length, so "2012" as the end takes in every day of 2012.
 */
function passageScope(filter: NetworkFilter): { where: string; params: Param[] } {
  const conditions = ['h.deleted_at IS NULL'];
  const params: Param[] = [];
  if (filter.documentId !== undefined) {
    conditions.push('h.document_id = ?');
    params.push(filter.documentId);
  }
  if (filter.collectionId !== undefined) {
    conditions.push('h.document_id IN (SELECT document_id FROM document_collections WHERE collection_id = ?)');
    params.push(filter.collectionId);
  }
  if (filter.publishedFrom !== undefined) {
    conditions.push('d.published IS NOT NULL AND d.published >= ?');
    params.push(filter.publishedFrom);
  }
  if (filter.publishedTo !== undefined) {
    conditions.push('d.published IS NOT NULL AND substr(d.published, 1, ?) <= ?');
    params.push(filter.publishedTo.length, filter.publishedTo);
  }
  return { where: conditions.join(' AND '), params };
}

function kindCondition(column: string, filter: NetworkFilter): { sql: string; params: Param[] } {
  if (filter.kinds === undefined) return { sql: '1', params: [] };
  if (filter.kinds.length === 0) return { sql: '0', params: [] };
  return { sql: `${column} IN (${filter.kinds.map(() => '?').join(', ')})`, params: [...filter.kinds] };
}

export function actorNetwork(library: Library, filter: NetworkFilter = {}): ActorNetwork {
  const scope = passageScope(filter);
  const kind = kindCondition('a.kind', filter);
  const nodes = prepare<Param[], NetworkNode>(
    library.db,
    `SELECT a.id, a.name, a.kind, a.colour, count(*) AS passages
     FROM highlight_actors ha
     JOIN highlights h ON h.id = ha.highlight_id
     JOIN documents d ON d.id = h.document_id
     JOIN actors a ON a.id = ha.actor_id
     WHERE ${scope.where} AND ${kind.sql}
     GROUP BY a.id
     ORDER BY passages DESC, a.name COLLATE NOCASE, a.id`,
  ).all(...scope.params, ...kind.params);

  const sourceKind = kindCondition('sa.kind', filter);
  const targetKind = kindCondition('ta.kind', filter);
  const links = prepare<Param[], NetworkLink>(
    library.db,
    `SELECT x.actor_id AS source, y.actor_id AS target, count(*) AS weight
     FROM highlight_actors x
     JOIN highlight_actors y ON y.highlight_id = x.highlight_id AND y.actor_id > x.actor_id
     JOIN highlights h ON h.id = x.highlight_id
     JOIN documents d ON d.id = h.document_id
     JOIN actors sa ON sa.id = x.actor_id
     JOIN actors ta ON ta.id = y.actor_id
     WHERE ${scope.where} AND ${sourceKind.sql} AND ${targetKind.sql}
     GROUP BY x.actor_id, y.actor_id
     HAVING count(*) >= ?
     ORDER BY weight DESC, x.actor_id, y.actor_id`,
  ).all(...scope.params, ...sourceKind.params, ...targetKind.params, filter.minWeight ?? 1);
  return { nodes, links };
}

/** The passages tagged with both actors, in the filter's scope, by document then reading order. */
export function networkLinkPassages(library: Library, sourceId: number, targetId: number, filter: NetworkFilter = {}): NetworkLinkPassages {
  if (sourceId === targetId) throw new FieldbookError('invalid_input', 'A link joins two different actors.');
  const scope = passageScope(filter);
  const both = `${scope.where}
     AND EXISTS (SELECT 1 FROM highlight_actors s WHERE s.highlight_id = h.id AND s.actor_id = ?)
     AND EXISTS (SELECT 1 FROM highlight_actors t WHERE t.highlight_id = h.id AND t.actor_id = ?)`;
  const params = [...scope.params, sourceId, targetId];
  const { total } = prepare<Param[], { total: number }>(
    library.db,
    `SELECT count(*) AS total FROM highlights h JOIN documents d ON d.id = h.document_id WHERE ${both}`,
  ).get(...params)!;
  const columns = HIGHLIGHT_COLUMNS.split(',').map((c) => `h.${c.trim()}`).join(', ');
  const rows = prepare<Param[], HighlightRow & { document_title: string }>(
    library.db,
    `SELECT ${columns}, d.title AS document_title FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE ${both}
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, h.id
     LIMIT ?`,
  ).all(...params, LINK_PASSAGES_AT_MOST);
  const actorIds = actorsOfHighlights(library, rows.map((row) => row.id));
  const themeIds = themeIdsOf(library, rows.map((row) => row.id));
  return {
    source: nodeOf(library, sourceId, filter),
    target: nodeOf(library, targetId, filter),
    passages: rows.map((row) => ({ highlight: toHighlight(row, actorIds.get(row.id) ?? [], themeIds.get(row.id) ?? []), documentTitle: row.document_title })),
    total,
  };
}

function nodeOf(library: Library, actorId: number, filter: NetworkFilter): NetworkNode {
  const actor = getActor(library, actorId);
  const scope = passageScope(filter);
  const { passages } = prepare<Param[], { passages: number }>(
    library.db,
    `SELECT count(*) AS passages FROM highlight_actors ha
     JOIN highlights h ON h.id = ha.highlight_id JOIN documents d ON d.id = h.document_id
     WHERE ha.actor_id = ? AND ${scope.where}`,
  ).get(actorId, ...scope.params)!;
  return { id: actor.id, name: actor.name, kind: actor.kind, colour: actor.colour, passages };
}

function actorsOfHighlights(library: Library, highlightIds: number[]): Map<number, number[]> {
  const byHighlight = new Map<number, number[]>();
  if (highlightIds.length === 0) return byHighlight;
  const rows = prepare<number[], { highlight_id: number; actor_id: number }>(
    library.db,
    `SELECT highlight_id, actor_id FROM highlight_actors WHERE highlight_id IN (${highlightIds.map(() => '?').join(', ')}) ORDER BY actor_id`,
  ).all(...highlightIds);
  for (const { highlight_id, actor_id } of rows) {
    const list = byHighlight.get(highlight_id) ?? [];
    list.push(actor_id);
    byHighlight.set(highlight_id, list);
  }
  return byHighlight;
}
