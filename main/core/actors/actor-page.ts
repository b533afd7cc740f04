import type { ActorPage } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { PASSAGE_COLUMNS, toPassages, type PassageRow } from '../highlights/passage-rows';
import { AREA_ORDER } from '../highlights/highlight-repo';
import { getActor } from './actor-repo';
import { acceptedMentionsOf } from './mention-records';

const PASSAGE_LIMIT = 500;

/** An actor's whole file: the passages tagged with it, where the documents name it, the notes mentioning it, who appears with it. */
export function actorPage(library: Library, id: number): ActorPage {
  const actor = getActor(library, id);
  const rows = prepare<[number, number], PassageRow>(
    library.db,
    `SELECT ${PASSAGE_COLUMNS}
     FROM highlight_actors ha
     JOIN highlights h ON h.id = ha.highlight_id AND h.deleted_at IS NULL
     JOIN documents d ON d.id = h.document_id
     WHERE ha.actor_id = ?
     ORDER BY d.title COLLATE NOCASE, d.id, h.position_start, ${AREA_ORDER}, h.id
     LIMIT ?`,
  ).all(id, PASSAGE_LIMIT);
  const notes = prepare<[number], { id: number; title: string; updated_at: string }>(
    library.db,
    `SELECT n.id, n.title, n.updated_at FROM links l JOIN notes n ON n.id = l.from_note_id
     WHERE l.target_kind = 'actor' AND l.target_id = ? AND n.deleted_at IS NULL
     ORDER BY n.updated_at DESC`,
  ).all(id);
  const cooccurring = prepare<[number], { id: number; name: string; kind: ActorPage['actor']['kind']; colour: string; count: number }>(
    library.db,
    `SELECT a.id, a.name, a.kind, a.colour, count(*) AS count
     FROM highlight_actors me
     JOIN highlights h ON h.id = me.highlight_id AND h.deleted_at IS NULL
     JOIN highlight_actors other ON other.highlight_id = me.highlight_id AND other.actor_id != me.actor_id
     JOIN actors a ON a.id = other.actor_id
     WHERE me.actor_id = ?
     GROUP BY a.id ORDER BY count DESC, a.name COLLATE NOCASE`,
  ).all(id);
  const mentions = acceptedMentionsOf(library, id);
  return {
    actor,
    mentions: mentions.mentions,
    mentionCount: mentions.total,
    passages: toPassages(library, rows),
    passageCount: actor.tagCount,
    notes: notes.map((n) => ({ id: n.id, title: n.title, updatedAt: n.updated_at })),
    cooccurring: cooccurring.map(({ count, ...other }) => ({ actor: other, count })),
  };
}
