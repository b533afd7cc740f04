import { useCallback, useEffect, useState } from 'react';
import type { ActorPage } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';

export type ActorPageState = { status: 'loading' } | { status: 'open'; page: ActorPage } | { status: 'failed'; error: OpError };

/**
 * An actor's page, fetched again whenever `revision` moves (any actor was added, changed, merged or
 * re-tagged), so its passages, counts and co-occurring names never lag behind the registry.
 */
export function useActorPage(id: number, revision: number): { state: ActorPageState; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ id: number; state: ActorPageState } | null>(null);

  useEffect(() => {
    let current = true;
    void api.call('actors.page', { id }).then((result) => {
      if (!current) return;
      setAnswer((previous) => {
        if (result.ok) return { id, state: { status: 'open', page: result.value } };
        // A failed refresh of a page already shown keeps it on screen; a deleted actor's page does not.
        if (previous?.id === id && previous.state.status === 'open' && result.error.code !== 'not_found') return previous;
        return { id, state: { status: 'failed', error: result.error } };
      });
    });
    return () => {
      current = false;
    };
  }, [id, revision, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state: answer?.id === id ? answer.state : { status: 'loading' }, retry };
}
