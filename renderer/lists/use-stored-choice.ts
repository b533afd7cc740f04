import { useCallback, useState } from 'react';

/**
 * A choice kept across reloads in the window's storage (the open sidebar tab, the Library's order
 * and narrowing), as an app keeps its view settings. What was stored is checked before use: an old
 * or hand-edited value falls back rather than breaking the view.
 */
export function useStoredChoice<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, isValid, fallback));
  const choose = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage refused (private mode, quota): the choice holds for this session.
      }
    },
    [key],
  );
  return [value, choose];
}

function read<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): T {
  try {
    const stored = localStorage.getItem(key);
    if (stored === null) return fallback;
    const parsed: unknown = parseOrRaw(stored);
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

/** Values stored before choices were JSON are bare strings ("title"); they are still read. */
function parseOrRaw(stored: string): unknown {
  try {
    return JSON.parse(stored);
  } catch {
    return stored;
  }
}
