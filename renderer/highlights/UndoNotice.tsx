import { useEffect, useState } from 'react';
import type { UndoDelete } from './use-undo-delete';
import { UNDO_SHORTCUT } from './use-undo-delete';
import { UNDO_NOTICE_MS } from './undo-delete';

/**
 * The notice after a deletion. It is a live region that is always in the page, so its text is
 * announced when it appears; it stays while the pointer or focus is on it, so nobody is rushed.
 */
export function UndoNotice({ undo }: { undo: UndoDelete }) {
  const { notice, outcome, dismissNotice } = undo;
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (!notice || held) return;
    const timer = window.setTimeout(dismissNotice, UNDO_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held, dismissNotice]);

  return (
    <>
      <div
        role="status"
        className="undo-notice"
        onPointerEnter={() => setHeld(true)}
        onPointerLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
      >
        {notice && (
          <>
            <span>Highlight deleted.</span>
            <button type="button" className="button button-quiet" aria-keyshortcuts={UNDO_SHORTCUT === '⌘Z' ? 'Meta+Z' : 'Control+Z'} title={`Undo (${UNDO_SHORTCUT})`} onClick={() => void undo.undo()}>
              Undo
            </button>
          </>
        )}
        {!notice && outcome?.ok && <span>{outcome.message}</span>}
      </div>
      {outcome && !outcome.ok && (
        <p role="alert" className="highlight-card-error">
          The highlight was not restored: {outcome.error.message}
        </p>
      )}
    </>
  );
}
