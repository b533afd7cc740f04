import { useCallback, useEffect, useState } from 'react';
import type { Note, NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { settleSaves } from './pending-saves';

export type NoteState = { status: 'loading' } | { status: 'failed'; error: OpError } | { status: 'open'; note: Note };

/** The note to edit, read once when its view opens (after any save of it still under way). */
export function useNote(id: number): { state: NoteState; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<NoteState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void settleSaves(id)
      .then(() => api.call('notes.get', { id }))
      .then((result) => {
        if (current) setState(result.ok ? { status: 'open', note: result.value } : { status: 'failed', error: result.error });
      });
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);
  return { state, retry };
}

/** Notes that link to this one. Only other notes can add such links, and they are not being edited while this one is open. */
export function useLinkedFrom(id: number): NoteSummary[] | null {
  const [linking, setLinking] = useState<NoteSummary[] | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('notes.linking', { kind: 'note', id }).then((result) => {
      if (current) setLinking(result.ok ? result.value.filter((note) => note.id !== id) : []);
    });
    return () => {
      current = false;
    };
  }, [id]);
  return linking;
}
