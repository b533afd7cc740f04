import { useSyncExternalStore, type CSSProperties } from 'react';

/*
 * How the reader sets text: its size and the length of its lines, as a person's eyes and screen
 * want them (a 400-page report at arm's length, a tablet held close). Kept in the browser's
 * storage, for every document, as reading apps do; the page's own zoom is left alone.
 */

/** Sizes in rem, small to large; the default (1.125rem) is the reader's designed size. */
export const TEXT_SIZES = [0.875, 0.9375, 1, 1.0625, 1.125, 1.25, 1.375, 1.5, 1.75, 2] as const;
const DEFAULT_SIZE = TEXT_SIZES.indexOf(1.125);

/** Line lengths in ch of the reading face: about 55, 70 and 90 characters of running text. */
export const LINE_WIDTHS = { narrow: 52, normal: 62, wide: 78 } as const;
export type LineWidth = keyof typeof LINE_WIDTHS;

export interface ReadingSettings {
  /** An index into TEXT_SIZES. */
  size: number;
  width: LineWidth;
}

export const DEFAULT_READING: ReadingSettings = { size: DEFAULT_SIZE, width: 'normal' };

const STORAGE_KEY = 'fieldbook.reading';

/** Settings read back from storage; anything unreadable or out of range gives the default for it. */
export function parseReadingSettings(stored: string | null): ReadingSettings {
  let value: unknown;
  try {
    value = stored === null ? null : JSON.parse(stored);
  } catch {
    value = null;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const size = Number.isInteger(record.size) && (record.size as number) >= 0 && (record.size as number) < TEXT_SIZES.length ? (record.size as number) : DEFAULT_SIZE;
  const width = typeof record.width === 'string' && Object.hasOwn(LINE_WIDTHS, record.width) ? (record.width as LineWidth) : 'normal';
  return { size, width };
}

/** One step larger (+1) or smaller (-1), stopping at the ends. */
export function stepTextSize(settings: ReadingSettings, step: 1 | -1): ReadingSettings {
  const size = Math.min(TEXT_SIZES.length - 1, Math.max(0, settings.size + step));
  return size === settings.size ? settings : { ...settings, size };
}

/** The text size as a share of the designed size, as apps show zoom: "100%". */
export function sizePercent(settings: ReadingSettings): string {
  return `${Math.round((TEXT_SIZES[settings.size]! / TEXT_SIZES[DEFAULT_SIZE]!) * 100)}%`;
}

let current: ReadingSettings = typeof localStorage === 'undefined' ? DEFAULT_READING : parseReadingSettings(safeRead());
const listeners = new Set<() => void>();

function safeRead(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setReadingSettings(next: ReadingSettings): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full or refused storage costs only the remembered setting.
  }
  for (const listener of listeners) listener();
}

export function getReadingSettings(): ReadingSettings {
  return current;
}

export function useReadingSettings(): ReadingSettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The CSS custom properties the reading column is set with (reader.css). */
export function readingStyle(settings: ReadingSettings): CSSProperties {
  return { '--reading-size': `${TEXT_SIZES[settings.size]}rem`, '--reading-measure': `${LINE_WIDTHS[settings.width]}ch` } as CSSProperties;
}
