import type { ActorPage } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';

export type ActorPageState = { status: 'loading' } | { status: 'open'; page: ActorPage } | { status: 'failed'; error: OpError };

/** An actor's page, read again whenever a change could alter its passages, counts or names. */
export function useActorPage(id: number): { state: ActorPageState; retry(): void } {
  const { data, error, refetch } = useOp('actors.page', { id });
  // A failed refresh of a page already shown keeps it on screen; a deleted actor's page does not.
  if (data && error?.code !== 'not_found') return { state: { status: 'open', page: data }, retry: refetch };
  if (error) return { state: { status: 'failed', error }, retry: refetch };
  return { state: { status: 'loading' }, retry: refetch };
}
