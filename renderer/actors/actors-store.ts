import { useMemo, useSyncExternalStore } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';

/*
 * One list of actors for the whole window: the registry, every card's combobox, the toolbar and the
 * actor page read it, and whatever changes an actor (or a tag count) reloads it for all of them.
 */

interface Snapshot {
  /** Null until the first answer; kept across failed reloads. */
  actors: Actor[] | null;
  error: OpError | null;
  /** Bumped on every successful load, so views built from other data about actors know to refetch. */
  revision: number;
  /** The last change to say out loud in the registry (an actor deleted from its page, say). */
  notice: string;
}

let snapshot: Snapshot = { actors: null, error: null, revision: 0, notice: '' };
const listeners = new Set<() => void>();
let started = false;
let requested = 0;
let applied = 0;

function publish(next: Snapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

export async function reloadActors(): Promise<void> {
  const request = ++requested;
  const result = await api.call('actors.list', {});
  // An older answer arriving after a newer one would put back a stale list.
  if (request < applied) return;
  applied = request;
  publish(
    result.ok
      ? { ...snapshot, actors: result.value, error: null, revision: snapshot.revision + 1 }
      : { ...snapshot, error: result.error },
  );
}

export function announceActors(notice: string): void {
  publish({ ...snapshot, notice });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    void reloadActors();
  }
  return () => listeners.delete(listener);
}

export interface ActorsView extends Snapshot {
  byId: Map<number, Actor>;
}

export function useActors(): ActorsView {
  const current = useSyncExternalStore(subscribe, () => snapshot);
  const byId = useMemo(() => new Map((current.actors ?? []).map((actor) => [actor.id, actor])), [current.actors]);
  return { ...current, byId };
}
