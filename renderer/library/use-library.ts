import { useEffect } from 'react';
import type { DocumentSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';

export interface LibraryList {
  /** Undefined until the first answer; kept across refreshes so the list never flickers. */
  documents: DocumentSummary[] | null;
  error: OpError | null;
  loading: boolean;
  reload(): void;
}

/** Set after the frame that first shows the library's answer: the views' code loads after it (views.ts). */
export const LIBRARY_SHOWN = 'fieldbook:library-shown';
let libraryShown = false;

/** The library's documents, kept current by the change feed (an import from anywhere shows here). */
export function useLibrary(): LibraryList {
  const { data, error, loading, refetch } = useOp('documents.list', {});
  const answered = data !== undefined || error !== null;
  useEffect(() => {
    if (!answered || libraryShown) return;
    libraryShown = true;
    requestAnimationFrame(() => window.setTimeout(() => performance.mark(LIBRARY_SHOWN), 0));
  }, [answered]);
  return { documents: data ?? null, error, loading, reload: refetch };
}
