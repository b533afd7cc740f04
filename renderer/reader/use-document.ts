import { useCallback, useEffect, useState } from 'react';
import type { DocumentFull } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { takeEarlyDocument } from './early-open';

export type DocumentState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'open'; document: DocumentFull }
  | { status: 'failed'; error: OpError };

interface Answer {
  id: number;
  request: string;
  state: DocumentState;
}

/**
 * Fetches the document with this id; answers for a document no longer asked for are dropped.
 * While the same document is fetched again (after a newer version replaced it) the one already
 * open stays on screen, so the reader neither blanks nor loses its place.
 */
export function useDocument(id: number | null): { state: DocumentState; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const request = `${id}:${attempt}`;

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void (takeEarlyDocument(id) ?? api.call('documents.get', { id })).then((result) => {
      if (!current) return;
      setAnswer({ id, request, state: result.ok ? { status: 'open', document: result.value } : { status: 'failed', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [id, request]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  if (id === null) return { state: { status: 'none' }, retry };
  if (answer?.request !== request) {
    if (answer?.id === id && answer.state.status === 'open') return { state: answer.state, retry };
    return { state: { status: 'loading' }, retry };
  }
  return { state: answer.state, retry };
}
