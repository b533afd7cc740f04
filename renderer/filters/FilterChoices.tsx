import { useId, useState, type ReactNode } from 'react';
import { RELIABILITIES, RELIABILITY_WORDING, type Reliability } from '../../main/common/admiralty';
import { isPartialDate, PARTIAL_DATE_RULE, publishedInOrder } from '../../main/common/document-details';
import type { Collection, DocumentSummary } from '../../main/common/records';

/** What a reliability filter holds: a letter, "not graded", or nothing chosen. */
export type ReliabilityFilter = Reliability | 'none' | undefined;

/** A labelled select in a view's "Show" group: the views that narrow passages all read alike. */
export function Choice({ label, value, onChange, children }: { label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  const id = useId();
  return (
    <span className="all-highlights-choice">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </span>
  );
}

const idOf = (value: string) => (value ? Number(value) : undefined);

export function DocumentChoice({ documents, value, onChange }: { documents: readonly DocumentSummary[] | null | undefined; value: number | undefined; onChange(id: number | undefined): void }) {
  return (
    <Choice label="Document" value={String(value ?? '')} onChange={(chosen) => onChange(idOf(chosen))}>
      <option value="">Every document</option>
      {documents?.map((doc) => (
        <option key={doc.id} value={doc.id}>
          {doc.title}
        </option>
      ))}
    </Choice>
  );
}

/** Nothing to choose, and so not shown, until the library has a collection. */
export function CollectionChoice({ collections, value, onChange }: { collections: readonly Collection[] | undefined; value: number | undefined; onChange(id: number | undefined): void }) {
  if (!collections || collections.length === 0) return null;
  return (
    <Choice label="Collection" value={String(value ?? '')} onChange={(chosen) => onChange(idOf(chosen))}>
      <option value="">Every collection</option>
      {collections.map((collection) => (
        <option key={collection.id} value={collection.id}>
          {collection.name}
        </option>
      ))}
    </Choice>
  );
}

export function ReliabilityChoice({ value, onChange }: { value: ReliabilityFilter; onChange(value: ReliabilityFilter): void }) {
  return (
    <Choice label="Source reliability" value={value ?? ''} onChange={(chosen) => onChange(chosen === 'none' ? 'none' : RELIABILITIES.find((letter) => letter === chosen))}>
      <option value="">Any grade</option>
      {RELIABILITIES.map((letter) => (
        <option key={letter} value={letter}>
          {letter}: {RELIABILITY_WORDING[letter].label}
        </option>
      ))}
      <option value="none">Not graded</option>
    </Choice>
  );
}

/** Documents published between two dates, each a year, a month or a day, as the CLI's --from and --to. */
export interface PublishedRange {
  publishedFrom?: string;
  publishedTo?: string;
}

/**
 * "Published from … to …": a bound applies once it reads as a date (2012, 2012-03 or 2012-03-14)
 * and the two are in order; until then the view keeps the last range that did, and says why.
 */
export function PublishedChoice({ value, onChange }: { value: PublishedRange; onChange(value: PublishedRange): void }) {
  const id = useId();
  const [from, setFrom] = useState(value.publishedFrom ?? '');
  const [to, setTo] = useState(value.publishedTo ?? '');
  const problem = publishedProblem(from.trim(), to.trim());
  const change = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    const [first, last] = [nextFrom.trim(), nextTo.trim()];
    if (!publishedProblem(first, last)) onChange({ ...(first && { publishedFrom: first }), ...(last && { publishedTo: last }) });
  };
  return (
    <span className="all-highlights-choice" role="group" aria-label="Published">
      <label htmlFor={`${id}-from`}>Published from</label>
      <PublishedBound id={`${id}-from`} value={from} invalid={problem?.field === 'from'} problemId={problem && `${id}-problem`} onChange={(next) => change(next, to)} />
      <label htmlFor={`${id}-to`}>
        <span className="visually-hidden">Published </span>to
      </label>
      <PublishedBound id={`${id}-to`} value={to} invalid={problem?.field === 'to'} problemId={problem && `${id}-problem`} onChange={(next) => change(from, next)} />
      {problem && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem.message}
        </span>
      )}
    </span>
  );
}

function PublishedBound(props: { id: string; value: string; invalid: boolean; problemId: string | null; onChange(value: string): void }) {
  return (
    <input
      id={props.id}
      className="published-bound"
      placeholder="YYYY-MM-DD"
      inputMode="numeric"
      value={props.value}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.problemId ?? undefined}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

function publishedProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  const rule = `A date is ${PARTIAL_DATE_RULE}.`;
  if (from && !isPartialDate(from)) return { field: 'from', message: rule };
  if (to && !isPartialDate(to)) return { field: 'to', message: rule };
  if (!publishedInOrder({ publishedFrom: from, publishedTo: to })) return { field: 'to', message: 'The first date must not come after the last.' };
  return null;
}
