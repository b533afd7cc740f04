import type { AutosaveScheduler } from './autosave';

/**
 * Autosaves that outlive their note view: a view flushes when it goes, but if that save fails
 * its scheduler keeps retrying in the background. Opening the note again waits for it first,
 * so the view never loads text older than what was typed.
 */
const schedulers = new Map<number, AutosaveScheduler>();

export function trackSaves(noteId: number, scheduler: AutosaveScheduler): void {
  schedulers.set(noteId, scheduler);
}

export function untrackSaves(noteId: number, scheduler: AutosaveScheduler): void {
  if (schedulers.get(noteId) === scheduler) schedulers.delete(noteId);
}

export async function settleSaves(noteId: number): Promise<void> {
  await schedulers.get(noteId)?.flush();
}
