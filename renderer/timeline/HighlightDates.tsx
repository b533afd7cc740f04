import { useId, useState } from 'react';
import type { OpError } from '../../main/common/contract';
import { composeEventDate, DATE_PRECISIONS, formatEventDate, isEventDate, precisionOf, type DatePrecision, type TimelineEvent } from '../../main/common/timeline';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import '../styles/timeline.css';

export const PRECISION_LABELS: Record<DatePrecision, string> = { day: 'Day', month: 'Month', year: 'Year', range: 'Range' };
const EXAMPLES: Record<DatePrecision, string> = { day: 'e.g. 2012-01-12', month: 'e.g. 2012-01', year: 'e.g. 2012', range: 'e.g. 2012-01' };

/**
 * A passage's dates on its card: the dates its words and comment name, suggested for the person to
 * confirm, correct or dismiss, and those confirmed, which make it an event on the Timeline. A
 * passage can be dated by hand too, to a day, a month, a year or a range.
 */
export function HighlightDates({ highlightId }: { highlightId: number }) {
  const id = useId();
  const { data } = useOp('timeline.highlightDates', { highlightId });
  const [editing, setEditing] = useState<{ replacing?: TimelineEvent } | null>(null);
  const [error, setError] = useState<OpError | null>(null);

  const run = async (call: () => ReturnType<typeof api.call<'timeline.confirm'>>) => {
    setError(null);
    const result = await call();
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  const confirm = (event: TimelineEvent) => run(() => api.call('timeline.confirm', { highlightId, date: event.date, found: event.found }));
  const dismiss = (event: TimelineEvent) => run(() => api.call('timeline.dismiss', { highlightId, date: event.date }));

  return (
    <div role="group" aria-labelledby={`${id}-heading`} className="highlight-dates">
      <h3 id={`${id}-heading`} className="highlight-dates-heading">
        Dates
      </h3>
      {data && data.suggestions.length > 0 && (
        <ul className="highlight-dates-list" aria-label="Suggested dates">
          {data.suggestions.map((event) => (
            <li key={event.date} className="highlight-date highlight-date-suggested">
              <span>
                Suggested: <strong>{formatEventDate(event.date)}</strong>{' '}
                <span className="highlight-date-found">
                  (from {event.source === 'comment' ? 'the comment, ' : ''}“{event.found}”{event.relative ? ', read against the publication date' : ''})
                </span>
              </span>
              <span className="highlight-date-actions">
                <button type="button" className="button button-quiet" aria-label={`Confirm ${formatEventDate(event.date)}`} onClick={() => void confirm(event)}>
                  Confirm
                </button>
                <button type="button" className="button button-quiet" aria-label={`Correct ${formatEventDate(event.date)}`} onClick={() => setEditing({ replacing: event })}>
                  Correct
                </button>
                <button type="button" className="button button-quiet" aria-label={`Dismiss ${formatEventDate(event.date)}`} onClick={() => void dismiss(event)}>
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && data.events.length > 0 && (
        <ul className="highlight-dates-list" aria-label="Confirmed dates">
          {data.events.map((event) => (
            <li key={event.date} className="highlight-date">
              <span>
                Date: <strong>{formatEventDate(event.date)}</strong>
              </span>
              <button type="button" className="button button-quiet" aria-label={`Remove date ${formatEventDate(event.date)}`} onClick={() => void dismiss(event)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <DateForm
          initial={editing.replacing?.date}
          label={editing.replacing ? `Correct ${formatEventDate(editing.replacing.date)}` : 'Date this passage'}
          onCancel={() => setEditing(null)}
          onSave={async (date) => {
            const replacing = editing.replacing;
            const ok = await run(() =>
              api.call('timeline.confirm', { highlightId, date, ...(replacing && { found: replacing.found, replacing: replacing.date }) }),
            );
            if (ok) setEditing(null);
          }}
        />
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setEditing({})}>
          Add a date
        </button>
      )}
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
    </div>
  );
}

/** A date given by hand: its precision, then the date (or a range's two ends) as ISO, checked before it is sent. */
export function DateForm({ initial, label, onSave, onCancel }: { initial?: string | undefined; label: string; onSave(date: string): Promise<void>; onCancel(): void }) {
  const id = useId();
  const [precision, setPrecision] = useState<DatePrecision>(initial ? precisionOf(initial) : 'day');
  const [from, setFrom] = useState(initial?.split('/')[0] ?? '');
  const [to, setTo] = useState(initial?.split('/')[1] ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const date = composeEventDate(precision, from.trim(), to.trim());
    if (!isEventDate(date) || (precision !== 'range' && precisionOf(date) !== precision)) {
      setProblem(
        precision === 'range'
          ? 'A range is two dates, the first not after the last: 2012-01 to 2012-03.'
          : `A ${precision} is written ${EXAMPLES[precision].slice(5)}.`,
      );
      return;
    }
    setProblem(null);
    await onSave(date);
  };
  return (
    <form
      aria-label={label}
      className="date-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <span className="date-form-field">
        <label htmlFor={`${id}-precision`}>Precision</label>
        <select id={`${id}-precision`} value={precision} onChange={(event) => setPrecision(DATE_PRECISIONS.find((p) => p === event.target.value) ?? 'day')}>
          {DATE_PRECISIONS.map((each) => (
            <option key={each} value={each}>
              {PRECISION_LABELS[each]}
            </option>
          ))}
        </select>
      </span>
      <span className="date-form-field">
        <label htmlFor={`${id}-from`}>{precision === 'range' ? 'From' : 'Date'}</label>
        <input
          id={`${id}-from`}
          value={from}
          autoFocus
          inputMode="numeric"
          aria-describedby={`${id}-hint`}
          aria-invalid={problem !== null || undefined}
          onChange={(event) => setFrom(event.target.value)}
        />
      </span>
      {precision === 'range' && (
        <span className="date-form-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} value={to} inputMode="numeric" aria-invalid={problem !== null || undefined} onChange={(event) => setTo(event.target.value)} />
        </span>
      )}
      <span id={`${id}-hint`} className="date-form-hint">
        {precision === 'range' ? 'Each end a day, month or year (2012-01-12, 2012-01, 2012)' : EXAMPLES[precision]}
      </span>
      <span className="date-form-actions">
        <button type="submit" className="button button-quiet">
          Save date
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </span>
      {problem && (
        <p role="alert" className="highlight-card-error">
          {problem}
        </p>
      )}
    </form>
  );
}
