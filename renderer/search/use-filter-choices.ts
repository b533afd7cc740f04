import { useEffect, useState } from 'react';
import type { Actor, DocumentSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';

export interface FilterChoices {
  actors: Actor[];
  documents: DocumentSummary[];
  error: OpError | null;
}

const NONE: FilterChoices = { actors: [], documents: [], error: null };

/** The actors and documents to filter by, fetched afresh each time the dialog opens so new ones are there. */
export function useFilterChoices(open: boolean): FilterChoices {
  const [choices, setChoices] = useState<FilterChoices>(NONE);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void Promise.all([api.call('actors.list', {}), api.call('documents.list', {})]).then(([actors, documents]) => {
      if (!current) return;
      setChoices((previous) => ({
        // The core answers both lists in their one order (main/common/sort-orders.ts).
        actors: actors.ok ? actors.value : previous.actors,
        documents: documents.ok ? documents.value : previous.documents,
        error: !actors.ok ? actors.error : !documents.ok ? documents.error : null,
      }));
    });
    return () => {
      current = false;
    };
  }, [open]);

  return choices;
}
