const LAST_DOCUMENT_KEY = 'fieldbook:last-document';

let lastOpened: number | null = null;

/**
 * The document read last, remembered across restarts: the Evidence panel beside a note lists its
 * highlights, since a researcher writing is usually drawing on what they were just reading.
 */
export function rememberOpenedDocument(id: number): void {
  lastOpened = id;
  try {
    window.localStorage.setItem(LAST_DOCUMENT_KEY, String(id));
  } catch {
    // Storage can be unavailable (private modes); the choice then lasts only for this session.
  }
}

export function lastOpenedDocument(): number | null {
  if (lastOpened !== null) return lastOpened;
  try {
    const stored = Number(window.localStorage.getItem(LAST_DOCUMENT_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}
