import { lazy, Suspense, useState } from 'react';
import type { DocumentSummary } from '../../main/common/records';

// The form checks with the contract's own rules (zod), which the reader's first screen does not need.
const DocumentDetailsDialog = lazy(() => import('./DocumentDetailsDialog'));

/** Opens the open document's Document details form. */
export function DetailsButton({ document }: { document: DocumentSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M5 3.5h7l3 3v10H5zM12 3.5v3h3M7.5 10h5M7.5 13h5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        Document details
      </button>
      {open && (
        <Suspense fallback={null}>
          <DocumentDetailsDialog document={document} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
