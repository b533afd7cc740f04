import type { Actor, DocumentSummary } from '../../main/common/records';
import { codebookRows, type CodebookRow } from '../themes/codebook-rows';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';

export interface FilterChoices {
  actors: Actor[];
  /** The codebook, flat, each theme with its path. */
  themes: CodebookRow[];
  documents: DocumentSummary[];
  error: OpError | null;
}

/** The actors, themes and documents to filter by while the dialog is open, current as any changes. */
export function useFilterChoices(open: boolean): FilterChoices {
  const actors = useOp('actors.list', {}, { enabled: open });
  const themes = useOp('themes.list', {}, { enabled: open });
  const documents = useOp('documents.list', {}, { enabled: open });
  // The core answers the lists in their one order (main/common/sort-orders.ts).
  return {
    actors: actors.data ?? [],
    themes: codebookRows(themes.data ?? []),
    documents: documents.data ?? [],
    error: actors.error ?? themes.error ?? documents.error,
  };
}
