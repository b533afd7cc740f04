import type { Actor, DocumentSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';

export interface FilterChoices {
  actors: Actor[];
  documents: DocumentSummary[];
  error: OpError | null;
}

/** The actors and documents to filter by while the dialog is open, current as either changes. */
export function useFilterChoices(open: boolean): FilterChoices {
  const actors = useOp('actors.list', {}, { enabled: open });
  const documents = useOp('documents.list', {}, { enabled: open });
  // The core answers both lists in their one order (main/common/sort-orders.ts).
  return { actors: actors.data ?? [], documents: documents.data ?? [], error: actors.error ?? documents.error };
}
