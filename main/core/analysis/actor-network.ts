import type { ActorNetwork, NetworkFilter, NetworkLink, NetworkLinkPassages, NetworkNode } from '../../common/network';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { PASSAGE_COLUMNS, toPassages, type PassageRow } from '../highlights/passage-rows';
import { passageScope, type Param } from './passage-scope';
import { getActor } from '../actors/actor-repo';

/** A link's passages listed at once; the count says how many there are in all. */
export const LINK_PASSAGES_AT_MOST = 500;

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
  const rows = prepare<Param[], PassageRow>(
    library.db,
    `SELECT ${PASSAGE_COLUMNS} FROM highlights h JOIN documents d ON d.id = h.document_id
     WHERE ${both}
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, h.id
     LIMIT ?`,
  ).all(...params, LINK_PASSAGES_AT_MOST);
  return {
    source: nodeOf(library, sourceId, filter),
    target: nodeOf(library, targetId, filter),
    passages: toPassages(library, rows),
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
