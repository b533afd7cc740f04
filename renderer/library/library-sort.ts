import { useCallback, useState } from 'react';
import type { DocumentSort } from '../../main/common/sort-orders';
import { isDocumentSort } from './library-view';

const STORAGE_KEY = 'fieldbook.library-sort';

function storedSort(): DocumentSort {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isDocumentSort(stored) ? stored : 'title';
  } catch {
    return 'title';
  }
}

/** The Library's order, kept across reloads as the chosen sidebar view is. */
export function useLibrarySort(): [DocumentSort, (sort: DocumentSort) => void] {
  const [sort, setSort] = useState(storedSort);
  const choose = useCallback((next: DocumentSort) => {
    setSort(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused (private mode, quota): the choice holds for this session.
    }
  }, []);
  return [sort, choose];
}
