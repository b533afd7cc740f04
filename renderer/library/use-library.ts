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

/** The library's documents, kept current by the change feed (an import from anywhere shows here). */
export function useLibrary(): LibraryList {
  const { data, error, loading, refetch } = useOp('documents.list', {});
  return { documents: data ?? null, error, loading, reload: refetch };
}
