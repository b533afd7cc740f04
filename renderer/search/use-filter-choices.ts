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

const CLOSED: FilterChoices = { actors: [], themes: [], documents: [], error: null };

/** The actors, themes and documents to filter by while the dialog is open, current as any changes. */
export function useFilterChoices(open: boolean): FilterChoices {
  const actors = useOp('actors.list', {}, { enabled: open });
  const themes = useOp('themes.list', {}, { enabled: open });
  const documents = useOp('documents.list', {}, { enabled: open });
  // The Library's list is cached before the dialog ever opens: a closed dialog must not draw it as
  // options (ten thousand of them took a third of the time to the Library's first rows).
  if (!open) return CLOSED;
  // The core answers the lists in their one order (main/common/sort-orders.ts).
  return {
    actors: actors.data ?? [],
    themes: codebookRows(themes.data ?? []),
    documents: documents.data ?? [],
    error: actors.error ?? themes.error ?? documents.error,
  };
}
