import type { ActorNetwork, NetworkFilter, NetworkLink, NetworkLinkPassages, NetworkNode } from '../../common/network';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { PASSAGE_COLUMNS, toPassages, type PassageRow } from '../highlights/passage-rows';
import { AREA_ORDER } from '../highlights/highlight-repo';
import { passageScope, type Param } from './passage-scope';
import { kindCondition } from './kind-condition';
import { getActor } from '../actors/actor-repo';
import { getDocumentSummary } from '../documents/document-repo';
import { linkParagraph, mentionCounts, namingParagraphs, pairsNamedTogether } from './mention-paragraphs';

/** A link's passages listed at once; the count says how many there are in all. */
export const LINK_PASSAGES_AT_MOST = 500;

export function actorNetwork(library: Library, filter: NetworkFilter = {}): ActorNetwork {
  const scope = passageScope(filter);
  const kind = kindCondition('a.kind', filter);
  const tagged = prepare<Param[], Omit<NetworkNode, 'mentions'>>(
    library.db,
    `SELECT a.id, a.name, a.kind, a.colour, count(*) AS passages
     FROM highlight_actors ha
     JOIN highlights h ON h.id = ha.highlight_id
     JOIN documents d ON d.id = h.document_id
     JOIN actors a ON a.id = ha.actor_id
     WHERE ${scope.where} AND ${kind.sql}
     GROUP BY a.id`,
  ).all(...scope.params, ...kind.params);

  const sourceKind = kindCondition('sa.kind', filter);
  const targetKind = kindCondition('ta.kind', filter);
  const taggedLinks = prepare<Param[], { source: number; target: number; passages: number }>(
    library.db,
    `SELECT x.actor_id AS source, y.actor_id AS target, count(*) AS passages
     FROM highlight_actors x
     JOIN highlight_actors y ON y.highlight_id = x.highlight_id AND y.actor_id > x.actor_id
     JOIN highlights h ON h.id = x.highlight_id
     JOIN documents d ON d.id = h.document_id
     JOIN actors sa ON sa.id = x.actor_id
     JOIN actors ta ON ta.id = y.actor_id
     WHERE ${scope.where} AND ${sourceKind.sql} AND ${targetKind.sql}
     GROUP BY x.actor_id, y.actor_id`,
  ).all(...scope.params, ...sourceKind.params, ...targetKind.params);

  const links = new Map<string, NetworkLink>();
  for (const { source, target, passages } of taggedLinks) links.set(`${source}-${target}`, { source, target, weight: passages, passages, paragraphs: 0 });
  for (const [key, paragraphs] of pairsNamedTogether(namingParagraphs(library, filter))) {
    const [source, target] = key.split('-').map(Number) as [number, number];
    const link = links.get(key) ?? { source, target, weight: 0, passages: 0, paragraphs: 0 };
    link.paragraphs = paragraphs;
    link.weight = link.passages + paragraphs;
    links.set(key, link);
  }

  const mentions = mentionCounts(library, filter);
  const nodes = new Map<number, NetworkNode>(tagged.map((node) => [node.id, { ...node, mentions: mentions.get(node.id) ?? 0 }]));
  for (const [actorId, count] of mentions) {
    if (nodes.has(actorId)) continue;
    const actor = getActor(library, actorId);
    nodes.set(actorId, { id: actor.id, name: actor.name, kind: actor.kind, colour: actor.colour, passages: 0, mentions: count });
  }
  return {
    // Most present first: the order the drawing sizes them in and a reader scans them in.
    nodes: [...nodes.values()].sort(
      (a, b) => b.passages + b.mentions - (a.passages + a.mentions) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id,
    ),
    links: [...links.values()]
      .filter((link) => link.weight >= (filter.minWeight ?? 1))
      .sort((a, b) => b.weight - a.weight || a.source - b.source || a.target - b.target),
  };
}

/** The passages tagged with both actors and the paragraphs naming both, in the filter's scope, by document then reading order. */
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
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, ${AREA_ORDER}, h.id
     LIMIT ?`,
  ).all(...params, LINK_PASSAGES_AT_MOST);
  const paragraphs = namingParagraphs(library, filter, [sourceId, targetId]);
  const titles = new Map<number, string>();
  const titleOf = (documentId: number) => {
    if (!titles.has(documentId)) titles.set(documentId, getDocumentSummary(library, documentId).title);
    return titles.get(documentId)!;
  };
  return {
    source: nodeOf(library, sourceId, filter),
    target: nodeOf(library, targetId, filter),
    passages: toPassages(library, rows),
    total,
    paragraphs: paragraphs.slice(0, LINK_PASSAGES_AT_MOST).map((paragraph) => linkParagraph(paragraph, titleOf(paragraph.documentId))),
    paragraphTotal: paragraphs.length,
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
  return { id: actor.id, name: actor.name, kind: actor.kind, colour: actor.colour, passages, mentions: mentionCounts(library, filter).get(actorId) ?? 0 };
}
