import type { OpError } from '../../main/common/contract';
import { isPrimaryChord, type KeyChord } from '../keyboard/chords';

/** What the last undo did, or why it failed. */
export type UndoOutcome = { ok: true; message: string } | { ok: false; error: OpError } | null;

/** How long the Undo notice stays after a deletion, unless the pointer or focus is on it. */
export const UNDO_NOTICE_MS = 8_000;

/** Ctrl+Z (Cmd+Z on macOS), without Shift, which is redo. */
export const isUndoChord = (event: KeyChord, mac: boolean): boolean => isPrimaryChord(event, 'z', mac);

/** Ctrl+Shift+H (Cmd+Shift+H on macOS): highlight the selection. */
export const isHighlightChord = (event: KeyChord, mac: boolean): boolean => isPrimaryChord(event, 'h', mac, true);

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/**
 * Whether the keys go into something the person is typing in, where Ctrl+Z must keep undoing
 * their typing. The reader's article is editable only to give it a caret (data-caret-only), so it
 * is not a text field.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  const editable = target.closest('[contenteditable]');
  return editable instanceof HTMLElement && editable.isContentEditable && !editable.hasAttribute('data-caret-only');
}

/** Edits that can be taken back, most recent last; Undo takes back the most recent first. */
export class UndoStack<T> {
  constructor(private readonly items: readonly T[] = []) {}

  push(item: T): UndoStack<T> {
    return new UndoStack([...this.items, item]);
  }

  peek(): T | undefined {
    return this.items.at(-1);
  }

  pop(): UndoStack<T> {
    return new UndoStack(this.items.slice(0, -1));
  }

  without(match: (item: T) => boolean): UndoStack<T> {
    return new UndoStack(this.items.filter((item) => !match(item)));
  }

  get size(): number {
    return this.items.length;
  }
}
