import { useCallback, useId, useMemo } from 'react';
import { tagKey } from '../../main/common/document-details';
import type { DocumentSummary } from '../../main/common/records';
import { useOp } from '../data/op-queries';
import { formatWordCount, shortSourceOf } from '../document-facts';
import { ListFilter, useListFilter } from '../lists/ListFilter';
import { RovingList } from '../lists/RovingList';
import { useLibraryNarrowing, useLibrarySort } from './library-sort';
import { documentsInView, formatPublished, shortAuthors, type LibraryView } from './library-view';
import { LibraryViewControls } from './LibraryViewControls';
import type { LibraryList } from './use-library';

interface Props {
  library: LibraryList;
  openId: number | null;
  onOpen(id: number): void;
}

const NO_DOCUMENTS: readonly DocumentSummary[] = [];
const filterText = (doc: DocumentSummary) => `${doc.title} ${doc.authors.join(' ')} ${shortSourceOf(doc) ?? ''}`;
const documentKey = (doc: DocumentSummary) => doc.id;

export function DocumentList({ library, openId, onOpen }: Props) {
  const { documents, error, loading } = library;
  const [sort, setSort] = useLibrarySort();
  const [narrowing, setNarrowing] = useLibraryNarrowing();
  const collections = useOp('collections.list', {}).data ?? [];
  const tags = useOp('documents.tags', {}).data ?? [];
  // A collection deleted or a tag gone from every document narrows nothing any more.
  const collectionId = collections.some((c) => c.id === narrowing.collectionId) ? narrowing.collectionId : null;
  const tag = narrowing.tag !== null && tags.some((t) => tagKey(t.tag) === tagKey(narrowing.tag!)) ? narrowing.tag : null;
  const view: LibraryView = { sort, collectionId, tag };
  const inView = useMemo(() => documentsInView(documents ?? NO_DOCUMENTS, { sort, collectionId, tag }), [documents, sort, collectionId, tag]);
  const filter = useListFilter(inView, filterText);
  const changeView = (next: LibraryView) => {
    if (next.sort !== sort) setSort(next.sort);
    setNarrowing({ collectionId: next.collectionId, tag: next.tag });
  };
  const collectionName = collections.find((c) => c.id === collectionId)?.name;
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
      {documents?.length === 0 && <p className="library-note">Your library is empty. Import HTML, Markdown, text, PDF or EPUB files.</p>}
      {documents && documents.length > 0 && (
        <>
          <LibraryViewControls view={view} onChange={changeView} collections={collections} tags={tags} />
          <ListFilter query={filter.query} setQuery={filter.setQuery} inputRef={filter.input} label="Filter documents" />
          {inView.length === 0 && (
            <p className="library-note">
              {collectionName !== undefined && tag !== null
                ? `No document in “${collectionName}” is tagged “${tag}”.`
                : collectionName !== undefined
                  ? `No document is in “${collectionName}” yet.`
                  : `No document is tagged “${tag ?? ''}”.`}
            </p>
          )}
          {inView.length > 0 && filter.shown.length === 0 && (
            <p className="library-note">No document’s title, authors or source holds “{filter.query.trim()}”.</p>
          )}
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
  const details = [shortAuthors(doc.authors), formatPublished(doc.published), formatWordCount(doc.wordCount), source].filter(Boolean).join(' · ');
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
        {details}
      </span>
    </>
  );
}
