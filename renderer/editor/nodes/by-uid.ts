import type { Actor, NoteSummary } from '../../../main/common/records';

/**
 * Finds the records a note's nodes name by uid in the lists the page already holds. Each list
 * is indexed once (a list is replaced, never changed, when the library changes), so a note with
 * hundreds of links and mentions does not search the list once per node.
 */
function indexed<T>(cache: WeakMap<readonly T[], Map<string, T>>, list: readonly T[], uidsOf: (item: T) => string[]): Map<string, T> {
  let index = cache.get(list);
  if (!index) {
    index = new Map();
    for (const item of list) for (const uid of uidsOf(item)) index.set(uid, item);
    cache.set(list, index);
  }
  return index;
}

const noteIndexes = new WeakMap<readonly NoteSummary[], Map<string, NoteSummary>>();
const actorIndexes = new WeakMap<readonly Actor[], Map<string, Actor>>();

export function noteByUid(notes: readonly NoteSummary[] | null, uid: string | null): NoteSummary | undefined {
  return notes === null || uid === null ? undefined : indexed(noteIndexes, notes, (note) => [note.uid]).get(uid);
}

/** A merged actor's mentions name it by its old uid, now one of the kept actor's former uids. */
export function actorByUid(actors: readonly Actor[] | null, uid: string | null): Actor | undefined {
  return actors === null || uid === null ? undefined : indexed(actorIndexes, actors, (actor) => [actor.uid, ...actor.formerUids]).get(uid);
}
