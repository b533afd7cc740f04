import { useCallback, useId } from 'react';
import type { DocumentSummary } from '../../main/common/records';
import { formatWordCount, shortSourceOf } from '../document-facts';
import { ListFilter, useListFilter } from '../lists/ListFilter';
import { RovingList } from '../lists/RovingList';
import type { LibraryList } from './use-library';

interface Props {
  library: LibraryList;
  openId: number | null;
  onOpen(id: number): void;
}

const NO_DOCUMENTS: readonly DocumentSummary[] = [];
const filterText = (doc: DocumentSummary) => `${doc.title} ${shortSourceOf(doc) ?? ''}`;
const documentKey = (doc: DocumentSummary) => doc.id;

export function DocumentList({ library, openId, onOpen }: Props) {
  const { documents, error, loading } = library;
  const filter = useListFilter(documents ?? NO_DOCUMENTS, filterText);
  const renderRow = useCallback(
    (doc: DocumentSummary, tabIndex: 0 | -1) => <DocumentRow doc={doc} open={doc.id === openId} tabIndex={tabIndex} onOpen={onOpen} />,
    [openId, onOpen],
  );
  if (documents === null && !error) {
    return (
      <p className="library-note" aria-busy="true">
        Loading the library…
      </p>
    );
  }
  return (
    <>
      {error && (
        <div role="alert" className="library-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={library.reload} aria-disabled={loading || undefined}>
            Reload library
          </button>
        </div>
      )}
      {documents?.length === 0 && <p className="library-note">Your library is empty. Import HTML, Markdown or text files.</p>}
      {documents && documents.length > 0 && (
        <>
          <ListFilter query={filter.query} setQuery={filter.setQuery} inputRef={filter.input} label="Filter documents" />
          {filter.shown.length === 0 && <p className="library-note">No document’s title or source holds “{filter.query.trim()}”.</p>}
          <RovingList
            items={filter.shown}
            keyOf={documentKey}
            label="Documents"
            className="document-list"
            currentKey={openId}
            renderRow={renderRow}
            onType={filter.typeIntoFilter}
          />
        </>
      )}
    </>
  );
}

function DocumentRow({ doc, open, tabIndex, onOpen }: { doc: DocumentSummary; open: boolean; tabIndex: 0 | -1; onOpen(id: number): void }) {
  const id = useId();
  const source = shortSourceOf(doc);
  // The button holds the title alone, so the list reads (and is found) by title and what is seen is
  // what is said; the details beside it describe it, and the button stretches over them (list-row).
  return (
    <>
      <button
        type="button"
        className="list-row-control document-list-title"
        tabIndex={tabIndex}
        title={doc.title}
        aria-current={open ? 'page' : undefined}
        aria-describedby={`${id}-details`}
        onClick={() => onOpen(doc.id)}
      >
        {doc.title}
      </button>
      <span id={`${id}-details`} className="document-list-details">
        {formatWordCount(doc.wordCount)}
        {source && ` · ${source}`}
      </span>
    </>
  );
}
