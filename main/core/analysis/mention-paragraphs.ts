import type { LinkParagraph, NetworkFilter } from '../../common/network';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { blocksOf, type Passage } from '../search/passages';
import { kindCondition } from './kind-condition';
import { passageScope, type Param } from './passage-scope';
import { documentText } from '../documents/document-body';

/*
 * The network's second kind of tie: two actors named in one paragraph. Tagging a passage is
 * deliberate work; accepting the reader's mentions is quick, so a library where the analyst
 * accepted mentions but tagged little still shows who appears with whom. A paragraph (a block of
 * the text between blank lines) is the unit a reader takes as one thought; a whole document would
 * tie everyone in a long report to everyone else.
 */

interface AcceptedMention {
  documentId: number;
  actorId: number;
  start: number;
  end: number;
}

/** A paragraph naming two actors or more: the actors and where each was named. */
export interface NamingParagraph {
  documentId: number;
  block: Passage;
  /** The block's text, sliced in JavaScript so offsets agree with the mentions'. */
  text: string;
  mentions: AcceptedMention[];
  /** Distinct, ascending. */
  actorIds: number[];
}

/*
 * Mentions carry no credibility of their own: seen through the passage filter as a row `h` whose
 * credibility is null, a grade filter reads the document's, as it does for an ungraded passage.
 */
const MENTIONS_AS_PASSAGES = `(
  SELECT document_id, actor_id, position_start, position_end, NULL AS deleted_at, NULL AS credibility
  FROM actor_mentions WHERE status = 'accepted' AND anchor_status != 'orphaned'
) h JOIN documents d ON d.id = h.document_id JOIN actors a ON a.id = h.actor_id`;

/** How many accepted mentions of each actor the filter takes in. */
export function mentionCounts(library: Library, filter: NetworkFilter): Map<number, number> {
  const scope = passageScope(filter);
  const kind = kindCondition('a.kind', filter);
  const rows = prepare<Param[], { actorId: number; mentions: number }>(
    library.db,
    `SELECT h.actor_id AS actorId, count(*) AS mentions FROM ${MENTIONS_AS_PASSAGES}
     WHERE ${scope.where} AND ${kind.sql} GROUP BY h.actor_id`,
  ).all(...scope.params, ...kind.params);
  return new Map(rows.map((row) => [row.actorId, row.mentions]));
}

/**
 * The paragraphs in which mentions of two different actors or more were accepted. Only documents
 * naming two actors are read, and each of them once, so a library of mentions of one actor each
 * costs a query, not its books' text.
 */
export function namingParagraphs(library: Library, filter: NetworkFilter, onlyActors?: readonly [number, number]): NamingParagraph[] {
  const scope = passageScope(filter);
  const kind = kindCondition('a.kind', filter);
  const only = onlyActors ? `AND h.actor_id IN (${onlyActors[0]}, ${onlyActors[1]})` : '';
  const mentions = prepare<Param[], AcceptedMention>(
    library.db,
    `SELECT h.document_id AS documentId, h.actor_id AS actorId, h.position_start AS start, h.position_end AS end
     FROM ${MENTIONS_AS_PASSAGES}
     WHERE ${scope.where} AND ${kind.sql} ${only}
       AND h.document_id IN (
         SELECT h.document_id FROM ${MENTIONS_AS_PASSAGES}
         WHERE ${scope.where} AND ${kind.sql} ${only}
         GROUP BY h.document_id HAVING count(DISTINCT h.actor_id) > 1)
     ORDER BY d.title COLLATE NOCASE, h.document_id, h.position_start`,
  ).all(...scope.params, ...kind.params, ...scope.params, ...kind.params);

  const paragraphs: NamingParagraph[] = [];
  for (const [documentId, inDocument] of groupBy(mentions, (mention) => mention.documentId)) {
    const text = documentText(library, documentId)!;
    const blocks = blocksOf(text);
    for (const [index, inBlock] of groupBy(inDocument, (mention) => blockIndexAt(blocks, mention.start))) {
      const actorIds = [...new Set(inBlock.map((mention) => mention.actorId))].sort((a, b) => a - b);
      if (actorIds.length > 1 && index >= 0) paragraphs.push({ documentId, block: blocks[index]!, text: text.slice(blocks[index]!.start, blocks[index]!.end), mentions: inBlock, actorIds });
    }
  }
  return paragraphs;
}

/** Each pair of actors named in one paragraph, with how many paragraphs name both. Keys are "low-high" ids. */
export function pairsNamedTogether(paragraphs: readonly NamingParagraph[]): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const { actorIds } of paragraphs) {
    for (let i = 0; i < actorIds.length; i++) {
      for (let j = i + 1; j < actorIds.length; j++) {
        const key = `${actorIds[i]}-${actorIds[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  return pairs;
}

/** Past this many characters a paragraph is cut around its mentions. */
const EXCERPT_AT_MOST = 600;
/** How much of the text either side of the mentions a cut paragraph keeps. */
const AROUND = 160;

/** A paragraph as the link's list shows it: its words, cut around the mentions when long, with the mentions marked. */
export function linkParagraph(paragraph: NamingParagraph, documentTitle: string): LinkParagraph {
  const { text } = paragraph;
  const first = paragraph.mentions[0]!;
  const last = paragraph.mentions.reduce((latest, mention) => (mention.end > latest.end ? mention : latest), first);
  let from = 0;
  let to = text.length;
  if (to > EXCERPT_AT_MOST) {
    from = Math.max(0, first.start - paragraph.block.start - AROUND);
    to = Math.min(text.length, last.end - paragraph.block.start + AROUND);
  }
  const pieces: string[] = [];
  const marks: LinkParagraph['marks'] = [];
  let length = 0;
  const add = (piece: string, marked: boolean) => {
    const flat = piece.replace(/\s+/g, ' ');
    if (marked) marks.push({ start: length, end: length + flat.length });
    pieces.push(flat);
    length += flat.length;
  };
  if (from > 0) add('…', false);
  let at = from;
  for (const mention of paragraph.mentions) {
    const start = mention.start - paragraph.block.start;
    const end = mention.end - paragraph.block.start;
    if (start < at || end > to) continue;
    add(text.slice(at, start), false);
    add(text.slice(start, end), true);
    at = end;
  }
  add(text.slice(at, to), false);
  if (to < text.length) add('…', false);
  return { documentId: paragraph.documentId, documentTitle, start: first.start, end: first.end, excerpt: pieces.join(''), marks };
}

/** The index of the block holding `offset`, or -1 when it falls between blocks. */
function blockIndexAt(blocks: readonly Passage[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle]!;
    if (offset < block.start) high = middle - 1;
    else if (offset >= block.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
