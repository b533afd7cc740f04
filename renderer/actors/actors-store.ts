import { useMemo, useSyncExternalStore } from 'react';
import type { Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';

/*
 * One list of actors for the whole window (the registry, every card's combobox, the toolbar and
 * the actor page read it), from the window's query cache: whatever changes an actor or a tag,
 * here or anywhere, refreshes it for all of them.
 */

export interface ActorsView {
  /** Null until the first answer; kept across failed refreshes. */
  actors: Actor[] | null;
  error: OpError | null;
  byId: Map<number, Actor>;
  /** The last change to say out loud in the registry (an actor deleted from its page, say). */
  notice: string;
  retry(): void;
}

let notice = '';
const noticeListeners = new Set<() => void>();

export function announceActors(next: string): void {
  notice = next;
  for (const listener of noticeListeners) listener();
}

function subscribeToNotice(listener: () => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

export function useActors(): ActorsView {
  const { data, error, refetch } = useOp('actors.list', {});
  const current = useSyncExternalStore(subscribeToNotice, () => notice);
  const byId = useMemo(() => new Map((data ?? []).map((actor) => [actor.id, actor])), [data]);
  return { actors: data ?? null, error, byId, notice: current, retry: refetch };
}
