import type { NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { byLastChange } from '../../main/common/sort-orders';
import { fetchOp, opKey, queryClient, useOp } from '../data/op-queries';

/**
 * The notes list, one for the whole window (from its query cache): the sidebar lists it, links in
 * every open note read their target's current title from it, and a highlight card needs to know
 * which note a quote goes to. One list means a rename shows everywhere at once.
 */
export interface NotesSnapshot {
  /** Null until the first answer; kept across refreshes so nothing flickers. */
  notes: NoteSummary[] | null;
  error: OpError | null;
  retry(): void;
}

const LAST_NOTE_KEY = 'fieldbook:last-note';
const NOTES_LIST = opKey('notes.list', {});

export function useNotes(): NotesSnapshot {
  const { data, error, refetch } = useOp('notes.list', {});
  return { notes: data ?? null, error, retry: refetch };
}

/** The list as the cache holds it, read first if it has not been. */
export function loadedNotes(): Promise<NoteSummary[]> {
  return fetchOp('notes.list', {});
}

/**
 * A note the core just answered with (created, saved, restored) takes its place at once; the
 * change feed reads the list again a moment later all the same.
 */
export function putNote(summary: NoteSummary): void {
  queryClient.setQueryData<NoteSummary[]>(NOTES_LIST, (notes) =>
    notes && [...notes.filter((note) => note.id !== summary.id), summary].sort(byLastChange),
  );
}

export function dropNote(id: number): void {
  queryClient.setQueryData<NoteSummary[]>(NOTES_LIST, (notes) => notes?.filter((note) => note.id !== id));
}

export function noteById(notes: NoteSummary[] | null, id: number): NoteSummary | undefined {
  return notes?.find((note) => note.id === id);
}

export const displayTitle = (title: string): string => title.trim() || 'Untitled';

/**
 * The note a "Quote in note" goes to: the one opened last, remembered across restarts because
 * a researcher reading and quoting is usually filling the note they were just writing.
 */
export function rememberOpenedNote(id: number): void {
  try {
    window.localStorage.setItem(LAST_NOTE_KEY, String(id));
  } catch {
    // Storage can be unavailable (private modes); the choice then lasts only for this session.
  }
  lastOpened = id;
}

let lastOpened: number | null = null;

export function lastOpenedNote(): number | null {
  if (lastOpened !== null) return lastOpened;
  try {
    const stored = Number(window.localStorage.getItem(LAST_NOTE_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}
