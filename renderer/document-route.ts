import { useCallback, useSyncExternalStore } from 'react';

// The open document lives in the URL hash, so a reload (or Back) keeps the reader where it was.
const DOCUMENT_HASH = /^#\/document\/([1-9]\d*)$/;

export function documentIdFromHash(hash: string): number | null {
  const match = DOCUMENT_HASH.exec(hash);
  return match?.[1] ? Number(match[1]) : null;
}

export function hashForDocument(id: number): string {
  return `#/document/${id}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The id of the document the URL asks for, and a way to open another. */
export function useDocumentRoute(): [number | null, (id: number) => void] {
  const openId = useSyncExternalStore(subscribe, () => documentIdFromHash(window.location.hash));
  const open = useCallback((id: number) => {
    window.location.hash = hashForDocument(id);
  }, []);
  return [openId, open];
}
