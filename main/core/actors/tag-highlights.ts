import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getActor } from './actor-repo';
import { liveHighlightIds } from '../highlights/live-highlight-ids';

/**
 * Tags several highlights with one actor at once (the selection in All highlights). Every id is
 * checked before anything is written, and the op runs in one transaction, so a missing or deleted
 * highlight leaves every other one as it was rather than half the selection tagged.
 * Answers how many were newly tagged; those already tagged stay as they were.
 */
export function tagHighlights(library: Library, highlightIds: readonly number[], actorId: number): { tagged: number } {
  getActor(library, actorId);
  const wanted = liveHighlightIds(library, highlightIds);
  const insert = prepare(library.db, 'INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)');
  let tagged = 0;
  for (const id of wanted) tagged += insert.run(id, actorId).changes;
  return { tagged };
}
