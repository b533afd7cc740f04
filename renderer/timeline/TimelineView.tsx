import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { gradeCode } from '../../main/common/admiralty';
import type { OpError, OpInput } from '../../main/common/contract';
import type { DocumentSummary } from '../../main/common/records';
import { formatEventDate, type Timeline, type TimelineEvent } from '../../main/common/timeline';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { CollectionChoice, DocumentChoice, PublishedChoice, ReliabilityChoice, type PublishedRange, type ReliabilityFilter } from '../filters/FilterChoices';
import { ExportMenu } from '../export/ExportMenu';
import { GradeBadge } from '../grades/GradeBadge';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute } from '../route';
import { TimelineAxis } from './TimelineAxis';
import type { LaneChoice } from './timeline-layout';
import '../styles/actors.css';
import '../styles/all-highlights.css';
import '../styles/timeline.css';

type Filter = OpInput<'timeline.events'>;

/** Each step of zoom doubles or halves how wide a day is drawn. */
const ZOOM_STEP = 2;
const MAX_ZOOM = 256;

/**
 * The main area at #/timeline: passages with a date, earliest first, on an axis with one lane per
 * actor or per document (the drawing) and in a table beside it (for the keyboard and screen
 * readers). Dates found in passages and not yet decided wait under Suggested dates.
 */
export function TimelineView({ documents }: { documents: readonly DocumentSummary[] | null }) {
  const ids = useId();
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [collectionId, setCollectionId] = useState<number | undefined>();
  const [reliability, setReliability] = useState<ReliabilityFilter>();
  const [published, setPublished] = useState<PublishedRange>({});
  const [lanes, setLanes] = useState<LaneChoice>('actor');
  const [zoom, setZoom] = useState(1);
  const collections = useOp('collections.list', {}).data ?? [];
  const filter: Filter = {
    ...(documentId !== undefined && { documentId }),
    ...(collectionId !== undefined && { collectionId }),
    ...(reliability !== undefined && { reliability: [reliability === 'none' ? null : reliability] }),
    ...published,
  };
  const { data, error, refetch } = useOp('timeline.events', filter);
  const exportFilter = { ...filter } as Omit<Filter, 'suggestions'>;

  const zoomBy = (factor: number) => setZoom((z) => Math.min(MAX_ZOOM, Math.max(1, z * factor)));
  // + and - zoom wherever the focus is in the view, except while typing in a field.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [role="menu"]')) return;
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomBy(ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      zoomBy(1 / ZOOM_STEP);
    }
  };

  return (
    <main tabIndex={0} aria-label="Timeline" aria-busy={!data && !error} className="actor-page timeline" onKeyDown={onKeyDown}>
      <div className="timeline-column">
        <header className="actor-page-header">
          <h1>Timeline</h1>
          <p className="actor-page-note">Passages with a date, earliest first. Dates found in passages are suggested; confirm them to put them here.</p>
          <div className="all-highlights-filters" role="group" aria-label="Show">
            <DocumentChoice documents={documents} value={documentId} onChange={setDocumentId} />
            <CollectionChoice collections={collections} value={collectionId} onChange={setCollectionId} />
            <ReliabilityChoice value={reliability} onChange={setReliability} />
            <PublishedChoice value={published} onChange={setPublished} />
            <span className="all-highlights-choice">
              <label htmlFor={`${ids}-lanes`}>Lanes</label>
              <select id={`${ids}-lanes`} value={lanes} onChange={(event) => setLanes(event.target.value === 'document' ? 'document' : 'actor')}>
                <option value="actor">One per actor</option>
                <option value="document">One per document</option>
              </select>
            </span>
            <ExportMenu
              label="Export"
              choices={[
                { label: 'Events as CSV', run: () => api.call('export.timeline', { format: 'csv', ...exportFilter }) },
                { label: 'Events as Markdown', run: () => api.call('export.timeline', { format: 'markdown', ...exportFilter }) },
              ]}
            />
          </div>
        </header>
        {error && <OpenProblem message={error.message} onRetry={refetch} />}
        {data && data.events.length === 0 && (
          <p className="actor-page-note">
            No passage is dated here yet. Confirm a suggested date below, or open a highlight’s card and choose Add a date.
          </p>
        )}
        {data && data.events.length > 0 && (
          <>
            <div className="timeline-zoom" role="group" aria-label="Zoom">
              <button type="button" className="button button-quiet" aria-keyshortcuts="+" onClick={() => zoomBy(ZOOM_STEP)} disabled={zoom >= MAX_ZOOM}>
                Zoom in
              </button>
              <button type="button" className="button button-quiet" aria-keyshortcuts="-" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={zoom <= 1}>
                Zoom out
              </button>
              <span className="timeline-zoom-level" aria-live="polite">
                {zoom === 1 ? 'Whole timeline' : `Zoomed ${zoom}×`}
              </span>
            </div>
            <TimelineAxis timeline={data} lanes={lanes} zoom={zoom} />
            <EventTable timeline={data} />
          </>
        )}
        {data && <Suggestions timeline={data} />}
      </div>
    </main>
  );
}

const passageHref = (event: TimelineEvent) => hashForRoute({ kind: 'document', id: event.documentId, highlightId: event.highlightId });

function actorNames(timeline: Timeline, event: TimelineEvent): string {
  const names = new Map(timeline.actors.map((actor) => [actor.id, actor.name]));
  return event.actorIds.map((id) => names.get(id) ?? '').filter(Boolean).join(', ');
}

function EventTable({ timeline }: { timeline: Timeline }) {
  const id = useId();
  const [error, setError] = useState<OpError | null>(null);
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>
        Events <span className="actor-page-count">({timeline.events.length})</span>
      </h2>
      <table className="timeline-table">
        <caption className="visually-hidden">Dated passages, earliest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Passage</th>
            <th scope="col">Document</th>
            <th scope="col">Actors</th>
            <th scope="col">Grade</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {timeline.events.map((event) => (
            <tr key={`${event.highlightId}-${event.date}`}>
              <td>
                <time dateTime={event.date.split('/')[0]}>{formatEventDate(event.date)}</time>
              </td>
              <td>
                <a href={passageHref(event)}>“{event.quote}”</a>
              </td>
              <td>{event.documentTitle}</td>
              <td>{actorNames(timeline, event)}</td>
              <td>
                <GradeBadge reliability={event.reliability} credibility={event.credibility} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove ${formatEventDate(event.date)} from “${event.quote.slice(0, 40)}”`}
                  onClick={() => {
                    setError(null);
                    void api.call('timeline.dismiss', { highlightId: event.highlightId, date: event.date }).then((result) => {
                      if (!result.ok) setError(result.error);
                    });
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
    </section>
  );
}

/** The dates found in passages and not yet decided, each to confirm or dismiss, or all confirmed at once. */
function Suggestions({ timeline }: { timeline: Timeline }) {
  const id = useId();
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { suggestions } = timeline;
  const decide = async (calls: Array<() => Promise<{ ok: boolean; error?: OpError }>>) => {
    setError(null);
    setBusy(true);
    for (const call of calls) {
      const result = await call();
      if (!result.ok) {
        setError(result.error ?? null);
        break;
      }
    }
    setBusy(false);
  };
  const confirm = (event: TimelineEvent) => () => api.call('timeline.confirm', { highlightId: event.highlightId, date: event.date, found: event.found });
  const dismiss = (event: TimelineEvent) => () => api.call('timeline.dismiss', { highlightId: event.highlightId, date: event.date });
  // A decided row leaves the table; the focus would be lost with its button, so it goes to the heading.
  const count = suggestions.length;
  const previous = useRef(count);
  useEffect(() => {
    if (count < previous.current && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
    previous.current = count;
  }, [count]);
  const grades = useMemo(() => new Set(suggestions.map((s) => gradeCode(s.reliability, s.credibility))), [suggestions]);

  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id} ref={heading} tabIndex={-1}>
        Suggested dates <span className="actor-page-count">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="actor-page-note">No date found in a passage is waiting. Highlight a passage that names a date and it is suggested here.</p>
      ) : (
        <>
          <button type="button" className="button button-quiet" aria-disabled={busy || undefined} onClick={() => !busy && void decide(suggestions.map(confirm))}>
            Confirm all {count}
          </button>
          <table className="timeline-table">
            <caption className="visually-hidden">Dates found in passages, not yet confirmed</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Read from</th>
                <th scope="col">Passage</th>
                <th scope="col">Document</th>
                {grades.size > 1 || !grades.has('') ? <th scope="col">Grade</th> : null}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {suggestions.map((event) => (
                <tr key={`${event.highlightId}-${event.date}`}>
                  <td>{formatEventDate(event.date)}</td>
                  <td>
                    “{event.found}”{event.source === 'comment' ? ' (comment)' : ''}
                    {event.relative ? ' (from the publication date)' : ''}
                  </td>
                  <td>
                    <a href={passageHref(event)}>“{event.quote}”</a>
                  </td>
                  <td>{event.documentTitle}</td>
                  {grades.size > 1 || !grades.has('') ? (
                    <td>
                      <GradeBadge reliability={event.reliability} credibility={event.credibility} />
                    </td>
                  ) : null}
                  <td className="timeline-actions">
                    <button type="button" className="button button-quiet" aria-label={`Confirm ${formatEventDate(event.date)} for “${event.quote.slice(0, 40)}”`} onClick={() => void decide([confirm(event)])}>
                      Confirm
                    </button>
                    <button type="button" className="button button-quiet" aria-label={`Dismiss ${formatEventDate(event.date)} for “${event.quote.slice(0, 40)}”`} onClick={() => void decide([dismiss(event)])}>
                      Dismiss
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
