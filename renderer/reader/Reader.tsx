import { useLayoutEffect, useRef } from 'react';
import { DocumentView } from './DocumentView';
import { useDocument } from './use-document';

export function Reader({ documentId }: { documentId: number | null }) {
  const { state, retry } = useDocument(documentId);
  const pane = useRef<HTMLElement>(null);
  const shownId = state.status === 'open' ? state.document.id : null;

  // A newly opened document starts at its beginning, not where the last one was left.
  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [shownId]);

  // tabIndex: a document without links would otherwise leave keyboard users no way to scroll it.
  return (
    <main ref={pane} tabIndex={0} aria-label="Reader" aria-busy={state.status === 'loading' || undefined} className="reader">
      {state.status === 'none' && (
        <div className="reader-message">
          <svg className="reader-message-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
            <path
              d="M24 13c-4-3-10-4-16-3v26c6-1 12 0 16 3 4-3 10-4 16-3V10c-6-1-12 0-16 3Zm0 0v26"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          <p className="reader-message-lead">Choose a document from the library, or import one.</p>
          <p className="reader-message-hint">Use Import at the top of the library to add HTML, Markdown or plain-text files. They stay on this computer.</p>
        </div>
      )}
      {state.status === 'loading' && (
        <div className="reader-message">
          <p className="reader-message-hint">Opening…</p>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="reader-message">
          <div role="alert" className="reader-problem">
            <p>{state.error.message}</p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </div>
        </div>
      )}
      {state.status === 'open' && <DocumentView document={state.document} />}
    </main>
  );
}
