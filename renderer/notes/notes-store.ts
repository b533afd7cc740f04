import { useSyncExternalStore } from 'react';
import type { NoteSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { byLastChange } from '../../main/common/sort-orders';
import { api } from '../api/client';

/**
 * The notes list, held once for the whole window: the sidebar lists it, links in every open note
 * read their target's current title from it, and a highlight card needs to know which note a quote
 * goes to. One list means a rename shows everywhere at once.
 */
export interface NotesSnapshot {
  /** Null until the first answer; kept across reloads so nothing flickers. */
  notes: NoteSummary[] | null;
  error: OpError | null;
}

const LAST_NOTE_KEY = 'fieldbook:last-note';

let snapshot: NotesSnapshot = { notes: null, error: null };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: NotesSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (snapshot.notes === null && !loading) void reloadNotes();
  return () => listeners.delete(listener);
}


export function reloadNotes(): Promise<void> {
  const run = api.call('notes.list', {}).then((result) => {
    publish(result.ok ? { notes: result.value, error: null } : { notes: snapshot.notes, error: result.error });
  });
  loading = run.finally(() => {
    if (loading === run) loading = null;
  });
  return run;
}

/** A note the core just answered with (created, saved, restored) takes its place without a round trip. */
export function putNote(summary: NoteSummary): void {
  const others = (snapshot.notes ?? []).filter((note) => note.id !== summary.id);
  publish({ ...snapshot, notes: [...others, summary].sort(byLastChange) });
}

export function dropNote(id: number): void {
  if (!snapshot.notes) return;
  publish({ ...snapshot, notes: snapshot.notes.filter((note) => note.id !== id) });
}

export function useNotes(): NotesSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

export function currentNotes(): NoteSummary[] | null {
  return snapshot.notes;
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
