import type { ReactNode } from 'react';

/**
 * The frame of an Evidence panel entry's action, beside a note or an analysis: the control, the
 * words saying it was done (read out politely), and what went wrong, if anything.
 */
export function EvidenceAction({ done, failure, children }: { done: string | null; failure: string | null; children: ReactNode }) {
  return (
    <>
      <div className="evidence-actions">
        {children}
        <p aria-live="polite" className="evidence-status">
          {done}
        </p>
      </div>
      {failure && (
        <p role="alert" className="evidence-error">
          {failure}
        </p>
      )}
    </>
  );
}
