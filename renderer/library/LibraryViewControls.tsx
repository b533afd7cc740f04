import { useId } from 'react';
import type { Collection } from '../../main/common/records';
import { DOCUMENT_SORT_LABELS, DOCUMENT_SORTS } from '../../main/common/sort-orders';
import { isDocumentSort, type LibraryView } from './library-view';

interface Props {
  view: LibraryView;
  onChange(view: LibraryView): void;
  collections: readonly Collection[];
  tags: ReadonlyArray<{ tag: string; documentCount: number }>;
}

/**
 * The Library's order and what narrows it, as labelled selects: the browser's own select is
 * keyboard-usable and read out everywhere. A filter is offered once there is something to filter by.
 */
export function LibraryViewControls({ view, onChange, collections, tags }: Props) {
  const id = useId();
  return (
    <div className="library-view-controls">
      <div className="library-view-control">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          className="library-select"
          value={view.sort}
          onChange={(event) => isDocumentSort(event.target.value) && onChange({ ...view, sort: event.target.value })}
        >
          {DOCUMENT_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {DOCUMENT_SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      {collections.length > 0 && (
        <div className="library-view-control">
          <label htmlFor={`${id}-collection`}>Collection</label>
          <select
            id={`${id}-collection`}
            className="library-select"
            value={view.collectionId ?? ''}
            onChange={(event) => onChange({ ...view, collectionId: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">All documents</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name} ({collection.documentCount})
              </option>
            ))}
          </select>
        </div>
      )}
      {tags.length > 0 && (
        <div className="library-view-control">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select
            id={`${id}-tag`}
            className="library-select"
            value={view.tag ?? ''}
            onChange={(event) => onChange({ ...view, tag: event.target.value || null })}
          >
            <option value="">Any tag</option>
            {tags.map(({ tag, documentCount }) => (
              <option key={tag} value={tag}>
                {tag} ({documentCount})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
