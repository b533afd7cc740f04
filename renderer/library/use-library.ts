import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';

interface Answer {
  generation: number;
  documents: DocumentSummary[] | null;
  error: OpError | null;
}

export interface LibraryList {
  /** Null until the first answer; kept across reloads so the list never flickers. */
  documents: DocumentSummary[] | null;
  error: OpError | null;
  loading: boolean;
  reload(): void;
}

export function useLibrary(): LibraryList {
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer>({ generation: -1, documents: null, error: null });

  useEffect(() => {
    let current = true;
    void api.call('documents.list', {}).then((result) => {
      if (!current) return;
      setAnswer((previous) =>
        result.ok
          ? { generation, documents: result.value, error: null }
          : { generation, documents: previous.documents, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { documents: answer.documents, error: answer.error, loading: answer.generation !== generation, reload };
}
