import { useId } from 'react';
import type { DocumentSummary } from '../../main/common/records';
import { formatWordCount, shortSourceOf } from '../document-facts';
import type { LibraryList } from './use-library';

interface Props {
  library: LibraryList;
  openId: number | null;
  onOpen(id: number): void;
}

export function DocumentList({ library, openId, onOpen }: Props) {
  const { documents, error, loading } = library;
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
        <ul className="document-list">
          {documents.map((doc) => (
            <DocumentListItem key={doc.id} doc={doc} open={doc.id === openId} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </>
  );
}

function DocumentListItem({ doc, open, onOpen }: { doc: DocumentSummary; open: boolean; onOpen(id: number): void }) {
  const id = useId();
  const source = shortSourceOf(doc);
  // The button holds the title alone, so the list reads (and is found) by title and what is seen is
  // what is said; the details beside it describe it, and the button stretches over them (list-row).
  return (
    <li className="list-row">
      <button
        type="button"
        className="list-row-control document-list-title"
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
    </li>
  );
}
