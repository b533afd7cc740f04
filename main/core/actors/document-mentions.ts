import type { ActorMention, HighlightColour } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getDocument } from '../documents/document-repo';
import { FieldbookError } from '../errors';
import { createHighlight } from '../highlights/create-highlight';
import { getActor } from './actor-repo';
import { MentionFinder, type NamedActor } from './find-mentions';

function namedActors(library: Library): NamedActor[] {
  const byId = new Map<number, string[]>();
  for (const row of prepare<[], { id: number; name: string }>(library.db, 'SELECT id, name FROM actors').all()) byId.set(row.id, [row.name]);
  for (const row of prepare<[], { actor_id: number; alias: string }>(library.db, 'SELECT actor_id, alias FROM actor_aliases').all()) {
    byId.get(row.actor_id)?.push(row.alias);
  }
  return [...byId].map(([id, names]) => ({ id, names }));
}

/** Every mention of every known actor in a document, marked when a tagged highlight already covers it. */
export function documentMentions(library: Library, documentId: number): ActorMention[] {
  const { text } = getDocument(library, documentId);
  const accepted = new Set(
    prepare<[number], { key: string }>(
      library.db,
      `SELECT ha.actor_id || ':' || h.position_start || ':' || h.position_end AS key
       FROM highlights h JOIN highlight_actors ha ON ha.highlight_id = h.id
       WHERE h.document_id = ? AND h.deleted_at IS NULL AND h.anchor_status != 'orphaned'`,
    )
      .all(documentId)
      .map((r) => r.key),
  );
  return new MentionFinder(namedActors(library))
    .find(text)
    .map((m) => ({ ...m, accepted: accepted.has(`${m.actorId}:${m.start}:${m.end}`) }));
}

/**
 * Turns mentions into tagged highlights: the given ranges, or every mention of the actor. A range
 * must be one of the actor's mentions; one already accepted is left as it is.
 */
export function acceptMentions(
  library: Library,
  input: { documentId: number; actorId: number; ranges?: Array<{ start: number; end: number }>; colour?: HighlightColour },
): { created: number; tagged: number } {
  getActor(library, input.actorId);
  const mentions = documentMentions(library, input.documentId).filter((m) => m.actorId === input.actorId);
  const byRange = new Map(mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const chosen = input.ranges
    ? input.ranges.map((r) => {
        const mention = byRange.get(`${r.start}:${r.end}`);
        if (!mention) throw new FieldbookError('invalid_input', `There is no mention of this actor at ${r.start}–${r.end}.`);
        return mention;
      })
    : mentions;
  let created = 0;
  let tagged = 0;
  for (const mention of chosen.filter((m) => !m.accepted)) {
    const existing = prepare<[number, number, number], { id: number }>(
      library.db,
      `SELECT id FROM highlights WHERE document_id = ? AND position_start = ? AND position_end = ?
         AND deleted_at IS NULL AND anchor_status != 'orphaned' ORDER BY id LIMIT 1`,
    ).get(input.documentId, mention.start, mention.end);
    const highlightId =
      existing?.id ??
      createHighlight(library, { documentId: input.documentId, start: mention.start, end: mention.end, colour: input.colour ?? 'yellow' }).id;
    if (!existing) created++;
    tagHighlight(library, highlightId, input.actorId);
    tagged++;
  }
  return { created, tagged };
}

export function tagHighlight(library: Library, highlightId: number, actorId: number): void {
  getActor(library, actorId);
  prepare(library.db, 'INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)').run(highlightId, actorId);
}

export function untagHighlight(library: Library, highlightId: number, actorId: number): void {
  prepare(library.db, 'DELETE FROM highlight_actors WHERE highlight_id = ? AND actor_id = ?').run(highlightId, actorId);
}
