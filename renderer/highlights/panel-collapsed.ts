import { useCallback, useState } from 'react';

const COLLAPSED_KEY = 'fieldbook:highlights-collapsed';

function stored(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Whether the Highlights panel is folded away, as the person last left it (a narrow window wants the room). */
export function usePanelCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(stored);
  const set = useCallback((next: boolean) => {
    setCollapsed(next);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, String(next));
    } catch {
      // Storage can be unavailable: the choice then lasts for this window.
    }
  }, []);
  return [collapsed, set];
}
