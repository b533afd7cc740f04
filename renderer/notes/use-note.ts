import type { Note, NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { settleSaves } from './pending-saves';

export type NoteState = { status: 'loading' } | { status: 'failed'; error: OpError } | { status: 'open'; note: Note };

/**
 * The note to edit, read once when its view opens (after any save of it still under way): from
 * then on the editor holds the truth, so the cache does not read it again (see op-dependencies.ts)
 * and forgets it when the view closes.
 */
export function useNote(id: number): { state: NoteState; retry(): void } {
  const { data, error, refetch } = useOp('notes.get', { id }, {
    read: () => settleSaves(id).then(() => api.call('notes.get', { id })),
    forgetWhenUnused: true,
  });
  if (data) return { state: { status: 'open', note: data }, retry: refetch };
  if (error) return { state: { status: 'failed', error }, retry: refetch };
  return { state: { status: 'loading' }, retry: refetch };
}

/** Notes that link to this one, kept current as other notes are saved (here or in another window). */
export function useLinkedFrom(id: number): NoteSummary[] | null {
  const { data, error } = useOp('notes.linking', { kind: 'note', id });
  if (error && !data) return [];
  return data ? data.filter((note) => note.id !== id) : null;
}
