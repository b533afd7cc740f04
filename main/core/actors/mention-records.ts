import type { ActorPageMention } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import type { Anchoring, Selectors } from '../highlights/anchor';
import { describeRange } from '../highlights/anchor';
import { reanchorInReadingOrder } from '../highlights/reanchor';
import { wholeCodePoints } from '../text/code-points';
import { sentenceAround } from './mention-sentence';

/** A judged place (see migration 0080): where it is now, unless its words were lost in a replacement. */
export interface RecordedMention {
  id: number;
  actorId: number;
  status: 'accepted' | 'rejected';
  start: number;
  end: number;
}

/** The document's judged places that still have a place. */
export function recordedMentions(library: Library, documentId: number): RecordedMention[] {
  return prepare<[number], RecordedMention>(
    library.db,
    `SELECT id, actor_id AS actorId, status, position_start AS start, position_end AS end FROM actor_mentions
     WHERE document_id = ? AND anchor_status != 'orphaned' ORDER BY position_start, id`,
  ).all(documentId);
}

interface SelectorRow {
  id: number;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
}

/**
 * Places the document's judged mentions on its new text, by the rules highlights follow (see
 * highlights/reanchor.ts). Part of documents.replace's transaction.
 */
export function reanchorMentions(library: Library, documentId: number, text: string): void {
  const rows = prepare<[number], SelectorRow>(
    library.db,
    'SELECT id, quote_exact, quote_prefix, quote_suffix, position_start, position_end FROM actor_mentions WHERE document_id = ?',
  ).all(documentId);
  const selectors = rows.map((row): { id: number; selectors: Selectors } => ({
    id: row.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
      position: { type: 'TextPositionSelector', start: row.position_start, end: row.position_end },
    },
  }));
  for (const { id, anchoring } of reanchorInReadingOrder(text, selectors)) saveMentionAnchoring(library, id, anchoring, text);
}

function saveMentionAnchoring(library: Library, id: number, anchoring: Anchoring, text: string): void {
  if (anchoring.status === 'orphaned') {
    prepare(library.db, "UPDATE actor_mentions SET anchor_status = 'orphaned' WHERE id = ?").run(id);
    return;
  }
  const { start, end } = wholeCodePoints(text, anchoring.start, anchoring.end);
  const { quote } = describeRange(text, start, end);
  prepare(
    library.db,
    `UPDATE actor_mentions SET anchor_status = ?, position_start = ?, position_end = ?,
       quote_exact = ?, quote_prefix = ?, quote_suffix = ? WHERE id = ?`,
  ).run(anchoring.status, start, end, quote.exact, quote.prefix, quote.suffix, id);
}

const LISTED = 500;
/** How much text either side is read for the sentence: enough for a long one, never a whole book. */
const AROUND = 400;

/** The actor's accepted mentions with the sentences they are in, by document then reading order. */
export function acceptedMentionsOf(library: Library, actorId: number): { mentions: ActorPageMention[]; total: number } {
  // The text's pieces around each mention (document-body.ts), cut to AROUND either side in JS,
  // where offsets count UTF-16 code units as the mention's do.
  const around = `FROM document_text t WHERE t.document_id = m.document_id AND t."end" > m.position_start - ${AROUND} AND t.start < m.position_end + ${AROUND}`;
  const rows = prepare<
    [number],
    { id: number; document_id: number; title: string; start: number; end: number; quote: string; pieces: string | null; pieces_start: number | null }
  >(
    library.db,
    `SELECT m.id, m.document_id, d.title, m.position_start AS start, m.position_end AS end, m.quote_exact AS quote,
       (SELECT group_concat(t.text, '' ORDER BY t.start) ${around}) AS pieces,
       (SELECT min(t.start) ${around}) AS pieces_start
     FROM actor_mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.actor_id = ? AND m.status = 'accepted' AND m.anchor_status != 'orphaned'
     ORDER BY d.title COLLATE NOCASE, d.id, m.position_start, m.id
     LIMIT ${LISTED}`,
  ).all(actorId);
  const { total } = prepare<[number], { total: number }>(
    library.db,
    "SELECT count(*) AS total FROM actor_mentions WHERE actor_id = ? AND status = 'accepted' AND anchor_status != 'orphaned'",
  ).get(actorId)!;
  const mentions = rows.map((row) => {
    const piecesStart = row.pieces_start ?? 0;
    const windowStart = Math.max(piecesStart, row.start - AROUND);
    const window = (row.pieces ?? '').slice(windowStart - piecesStart, row.end + AROUND - piecesStart);
    const at = placeInWindow(window, row.quote, row.start - windowStart);
    const sentence = sentenceAround(window, at, at + row.quote.length);
    return { id: row.id, documentId: row.document_id, documentTitle: row.title, start: row.start, end: row.end, ...sentence };
  });
  return { mentions, total };
}

/** Where the quote is in the window read around it: where the mention says, or else its words' nearest occurrence. */
function placeInWindow(window: string, quote: string, expected: number): number {
  if (window.startsWith(quote, expected)) return expected;
  let best = -1;
  for (let at = window.indexOf(quote); at >= 0; at = window.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best >= 0 ? best : Math.min(Math.max(0, expected), window.length);
}
