import type { ActorMention } from '../../common/records';
import { nowIso, newUid } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getDocument } from '../documents/document-repo';
import { FieldbookError } from '../errors';
import { describeRange } from '../highlights/anchor';
import { getActor } from './actor-repo';
import { MentionFinder, type NamedActor } from './find-mentions';
import { recordedMentions } from './mention-records';

function namedActors(library: Library): NamedActor[] {
  const byId = new Map<number, string[]>();
  for (const row of prepare<[], { id: number; name: string }>(library.db, 'SELECT id, name FROM actors').all()) byId.set(row.id, [row.name]);
  for (const row of prepare<[], { actor_id: number; alias: string }>(library.db, 'SELECT actor_id, alias FROM actor_aliases').all()) {
    byId.get(row.actor_id)?.push(row.alias);
  }
  return [...byId].map(([id, names]) => ({ id, names }));
}

const placeKey = (actorId: number, start: number, end: number) => `${actorId}:${start}:${end}`;

/**
 * Every mention of every known actor in a document, with the person's judgement of it: the
 * places the names are found, plus accepted places the names no longer find (an alias since
 * removed, a document replaced), in reading order. A live highlight tagged with the actor and
 * covering exactly the words counts as accepted: that is how earlier versions kept them.
 */
export function documentMentions(library: Library, documentId: number): ActorMention[] {
  const { text } = getDocument(library, documentId);
  const tagged = new Set(
    prepare<[number], { key: string }>(
      library.db,
      `SELECT ha.actor_id || ':' || h.position_start || ':' || h.position_end AS key
       FROM highlights h JOIN highlight_actors ha ON ha.highlight_id = h.id
       WHERE h.document_id = ? AND h.deleted_at IS NULL AND h.anchor_status != 'orphaned'`,
    )
      .all(documentId)
      .map((r) => r.key),
  );
  const records = new Map(recordedMentions(library, documentId).map((r) => [placeKey(r.actorId, r.start, r.end), r]));
  const mentions: ActorMention[] = new MentionFinder(namedActors(library)).find(text).map((found) => {
    const key = placeKey(found.actorId, found.start, found.end);
    const record = records.get(key);
    records.delete(key);
    if (record) return { ...found, status: record.status, recordId: record.id };
    return { ...found, status: tagged.has(key) ? 'accepted' : 'suggested', recordId: null };
  });
  for (const record of records.values()) {
    if (record.status !== 'accepted') continue;
    mentions.push({ actorId: record.actorId, start: record.start, end: record.end, text: text.slice(record.start, record.end), status: 'accepted', recordId: record.id });
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end || a.actorId - b.actorId);
}

type Range = { start: number; end: number };

/** The actor's mentions at these ranges (every one, without ranges); a range that is not one is refused. */
function chosenMentions(library: Library, documentId: number, actorId: number, ranges: Range[] | undefined): ActorMention[] {
  getActor(library, actorId);
  const mentions = documentMentions(library, documentId).filter((m) => m.actorId === actorId);
  if (!ranges) return mentions;
  const byRange = new Map(mentions.map((m) => [`${m.start}:${m.end}`, m]));
  return ranges.map((r) => {
    const mention = byRange.get(`${r.start}:${r.end}`);
    if (!mention) throw new FieldbookError('invalid_input', `There is no mention of this actor at ${r.start}–${r.end}.`);
    return mention;
  });
}

/** Records a judgement of a place, or changes the one recorded; answers its id. */
function judge(library: Library, documentId: number, mention: ActorMention, status: 'accepted' | 'rejected'): number {
  if (mention.recordId !== null) {
    prepare(library.db, 'UPDATE actor_mentions SET status = ? WHERE id = ?').run(status, mention.recordId);
    return mention.recordId;
  }
  const { text } = getDocument(library, documentId);
  const { quote } = describeRange(text, mention.start, mention.end);
  const inserted = prepare(
    library.db,
    `INSERT INTO actor_mentions (uid, document_id, actor_id, status, quote_exact, quote_prefix, quote_suffix, position_start, position_end, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newUid(), documentId, mention.actorId, status, quote.exact, quote.prefix, quote.suffix, mention.start, mention.end, nowIso());
  return Number(inserted.lastInsertRowid);
}

/**
 * Records that the actor is mentioned at these places (every suggested one, without ranges). No
 * highlight is made: a mention says the actor is named here, a highlight marks a passage worth
 * keeping. A place already accepted is left as it is; "Accept all" leaves rejected places rejected.
 */
export function acceptMentions(library: Library, input: { documentId: number; actorId: number; ranges?: Range[] }): { accepted: number; ids: number[] } {
  const chosen = chosenMentions(library, input.documentId, input.actorId, input.ranges);
  const ids = chosen
    .filter((m) => (input.ranges ? m.status !== 'accepted' : m.status === 'suggested'))
    .map((m) => judge(library, input.documentId, m, 'accepted'));
  return { accepted: ids.length, ids };
}

/** "Not this actor": the place is remembered as not the actor, and no longer suggested. */
export function rejectMention(library: Library, input: { documentId: number; actorId: number; start: number; end: number }): { id: number } {
  const [mention] = chosenMentions(library, input.documentId, input.actorId, [input]);
  if (mention!.recordId === null && mention!.status === 'accepted') {
    throw new FieldbookError('refused', 'These words are a highlight tagged with the actor; remove the tag from the highlight instead.');
  }
  return { id: judge(library, input.documentId, mention!, 'rejected') };
}

/** Forgets judgements, so the places are suggestions again: undo, "Remove", "Suggest again". */
export function forgetMentions(library: Library, ids: number[]): { forgotten: number } {
  let forgotten = 0;
  for (const id of new Set(ids)) forgotten += prepare(library.db, 'DELETE FROM actor_mentions WHERE id = ?').run(id).changes;
  return { forgotten };
}

export function tagHighlight(library: Library, highlightId: number, actorId: number): void {
  getActor(library, actorId);
  prepare(library.db, 'INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)').run(highlightId, actorId);
}

export function untagHighlight(library: Library, highlightId: number, actorId: number): void {
  prepare(library.db, 'DELETE FROM highlight_actors WHERE highlight_id = ? AND actor_id = ?').run(highlightId, actorId);
}
