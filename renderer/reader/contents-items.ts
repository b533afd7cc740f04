import type { OutlineEntry } from '../../main/common/document-outline';

export interface ContentsItem {
  title: string;
  offset: number;
  /** 1 for the top level. */
  level: number;
}

/** The outline as the rows of one list, in reading order, each with its depth. */
export function contentsItems(entries: readonly OutlineEntry[], level = 1): ContentsItem[] {
  return entries.flatMap((entry) => [{ title: entry.title, offset: entry.offset, level }, ...contentsItems(entry.children, level + 1)]);
}

/**
 * The words to land on for a place in the text: the first character that is not a space, within
 * a short way, since an entry may point just before its heading's separator.
 */
export function landingSpan(text: string, offset: number): { start: number; end: number } | null {
  for (let at = Math.max(0, offset); at < Math.min(text.length, offset + 200); at++) {
    if (!/\s/.test(text[at]!)) return { start: at, end: at + 1 };
  }
  return offset < text.length ? { start: offset, end: offset + 1 } : null;
}
