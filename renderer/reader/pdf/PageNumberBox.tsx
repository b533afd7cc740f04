import { useId, useState } from 'react';

interface Props {
  pageNumber: number;
  pagesCount: number;
  onGoTo(pageNumber: number): void;
}

/** "Page N of M": N follows the scrolling, and a number typed into it is gone to on Enter. */
export function PageNumberBox({ pageNumber, pagesCount, onGoTo }: Props) {
  // What is typed stays while the box has focus; otherwise it shows the page in view.
  const [draft, setDraft] = useState<string | null>(null);
  const ofId = useId();
  const inputId = useId();
  const editing = draft !== null;
  const wanted = Number.parseInt(draft ?? '', 10);
  const valid = Number.isInteger(wanted) && wanted >= 1 && wanted <= pagesCount;
  return (
    <span className="pdf-page-number">
      <label htmlFor={inputId}>Page</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        className="pdf-page-input"
        size={Math.max(2, String(pagesCount).length)}
        value={draft ?? String(pageNumber)}
        aria-describedby={ofId}
        aria-invalid={editing && !valid ? true : undefined}
        onFocus={(event) => {
          setDraft(String(pageNumber));
          event.currentTarget.select();
        }}
        onBlur={() => setDraft(null)}
        onChange={(event) => setDraft(event.currentTarget.value.replace(/\D/g, ''))}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && valid) {
            event.preventDefault();
            onGoTo(wanted);
            setDraft(String(wanted));
          } else if (event.key === 'Escape') {
            setDraft(String(pageNumber));
          }
        }}
      />
      <span id={ofId}>of {pagesCount}</span>
    </span>
  );
}
