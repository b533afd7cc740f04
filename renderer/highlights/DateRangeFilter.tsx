import { useId } from 'react';

/** Days as a date field gives them (yyyy-mm-dd), empty for no bound. */
export interface DayRange {
  from: string;
  to: string;
}

export const ANY_DAY: DayRange = { from: '', to: '' };

/**
 * The range as the instants highlights.all compares: from the start of the first day to the start
 * of the day after the last, both in the person's own time zone, which is the day they see on a card.
 */
export function dayRangeInstants({ from, to }: DayRange): { createdFrom?: string; createdBefore?: string } {
  const start = (day: string, plus: number) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y!, m! - 1, d! + plus).toISOString();
  };
  const valid = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);
  return { ...(valid(from) && { createdFrom: start(from, 0) }), ...(valid(to) && { createdBefore: start(to, 1) }) };
}

/** Two date fields, "Created from" and "to", each its own label; each bound keeps the other in order. */
export function DateRangeFilter({ value, onChange }: { value: DayRange; onChange(value: DayRange): void }) {
  const id = useId();
  return (
    <span className="all-highlights-choice" role="group" aria-label="Created">
      <label htmlFor={`${id}-from`}>Created from</label>
      <input
        id={`${id}-from`}
        type="date"
        value={value.from}
        max={value.to || undefined}
        onChange={(event) => onChange({ ...value, from: event.target.value })}
      />
      <label htmlFor={`${id}-to`}>
        <span className="visually-hidden">Created </span>to
      </label>
      <input id={`${id}-to`} type="date" value={value.to} min={value.from || undefined} onChange={(event) => onChange({ ...value, to: event.target.value })} />
    </span>
  );
}
