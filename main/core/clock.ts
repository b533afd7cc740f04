import { randomUUID } from 'node:crypto';

let last = 0;

/**
 * ISO time that never repeats or goes back within a process, so "last changed" orders every
 * write even when two land in the same millisecond (or the system clock steps back).
 */
export function nowIso(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}

export const newUid = (): string => randomUUID();
