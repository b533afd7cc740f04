import { useEffect, useState, type ReactNode } from 'react';
import { UNDO_NOTICE_MS, type UndoOutcome } from './undo-delete';
import { UNDO_KEYS, UNDO_SHORTCUT } from './use-undo-shortcut';

interface Props<T> {
  /** The deletion the notice is about, while it shows. */
  notice: T | null;
  describe(notice: T): ReactNode;
  outcome: UndoOutcome;
  onUndo(): void;
  onDismiss(): void;
  className: string;
  errorClassName: string;
  /** Leads the error when the undo fails: "The note was not restored". */
  failure: string;
}

/**
 * The notice after a deletion, for highlights and notes alike. It is a live region that is always
 * in the page, so its text is announced when it appears; it stays while the pointer or focus is on
 * it, so nobody is rushed.
 */
export function UndoNotice<T>({ notice, describe, outcome, onUndo, onDismiss, className, errorClassName, failure }: Props<T>) {
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (!notice || held) return;
    const timer = window.setTimeout(onDismiss, UNDO_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held, onDismiss]);

  return (
    <>
      <div
        role="status"
        className={className}
        onPointerEnter={() => setHeld(true)}
        onPointerLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
      >
        {notice && (
          <>
            <span>{describe(notice)}</span>
            <button type="button" className="button button-quiet" aria-keyshortcuts={UNDO_KEYS} title={`Undo (${UNDO_SHORTCUT})`} onClick={onUndo}>
              Undo
            </button>
          </>
        )}
        {!notice && outcome?.ok && <span>{outcome.message}</span>}
      </div>
      {outcome && !outcome.ok && (
        <p role="alert" className={errorClassName}>
          {failure}: {outcome.error.message}
        </p>
      )}
    </>
  );
}
