import { useSyncExternalStore } from 'react';
import type { NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import type { UndoOutcome } from '../highlights/undo-delete';
import { navigate } from '../route';
import { dropNote, putNote } from './notes-store';

/**
 * Deleted notes that can still be brought back, most recent last. A deletion is soft in the
 * core, so Undo is a restore; it lives here, not in the note view, because the view is gone
 * the moment its note is deleted.
 */
export interface DeletedNotes {
  stack: readonly NoteSummary[];
  /** The deletion the Undo notice is about, while it shows. */
  notice: NoteSummary | null;
  outcome: UndoOutcome;
}

let state: DeletedNotes = { stack: [], notice: null, outcome: null };
const listeners = new Set<() => void>();

function publish(next: DeletedNotes): void {
  state = next;
  for (const listener of listeners) listener();
}

export function useDeletedNotes(): DeletedNotes {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export async function deleteNote(id: number): Promise<OpError | null> {
  const result = await api.call('notes.delete', { id });
  if (!result.ok) return result.error;
  dropNote(id);
  publish({ stack: [...state.stack.filter((note) => note.id !== id), result.value], notice: result.value, outcome: null });
  return null;
}

export async function undoDeleteNote(): Promise<void> {
  const top = state.stack.at(-1);
  if (!top) return;
  const result = await api.call('notes.restore', { id: top.id });
  if (!result.ok) {
    publish({ ...state, outcome: { ok: false, error: result.error } });
    return;
  }
  putNote(result.value);
  const title = result.value.title.trim() || 'Untitled';
  publish({ stack: state.stack.filter((note) => note.id !== top.id), notice: null, outcome: { ok: true, message: `Restored “${title}”.` } });
  navigate({ kind: 'note', id: top.id });
}

export function dismissDeletedNotice(): void {
  publish({ ...state, notice: null });
}
