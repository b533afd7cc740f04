import { useId, useState, type CSSProperties } from 'react';
import type { OpInput } from '../../main/common/contract';
import type { CoOccurrence, CoOccurrenceAgainst, CoOccurrenceColumn, CoOccurrenceRow, DocumentSummary } from '../../main/common/records';
import { actorStyle } from '../actors/actor-colours';
import { count } from '../actors/actor-words';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { CollectionChoice, DocumentChoice, PublishedChoice, type PublishedRange } from '../filters/FilterChoices';
import { ExportMenu } from '../export/ExportMenu';
import { PassageGroups } from '../highlights/PassageGroups';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute } from '../route';
import '../styles/actors.css';
import '../styles/themes.css';

type Scope = Omit<OpInput<'analysis.coOccurrence'>, 'against'>;
interface Cell {
  row: CoOccurrenceRow;
  column: CoOccurrenceColumn;
}

/**
 * The main area at #/co-occurrence: how many passages carry both a theme and another theme (or an
 * actor), as NVivo's and ATLAS.ti's code co-occurrence tables show it. Each count opens the
 * passages behind it; the table saves as CSV.
 */
export function CoOccurrenceView({ documents }: { documents: readonly DocumentSummary[] | null }) {
  const [against, setAgainst] = useState<CoOccurrenceAgainst>('themes');
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [collectionId, setCollectionId] = useState<number | undefined>();
  const [published, setPublished] = useState<PublishedRange>({});
  const [cell, setCell] = useState<Cell | null>(null);
  const collections = useOp('collections.list', {}).data ?? [];
  const scope: Scope = { ...(documentId !== undefined && { documentId }), ...(collectionId !== undefined && { collectionId }), ...published };
  const { data, error, refetch } = useOp('analysis.coOccurrence', { against, ...scope });
  const ids = useId();
  const narrow = (change: () => void) => {
    change();
    setCell(null);
  };

  return (
    <main tabIndex={0} aria-label="Co-occurrence" aria-busy={!data && !error} className="actor-page co-occurrence">
      <div className="co-occurrence-column">
        <header className="actor-page-header">
          <h1>Co-occurrence</h1>
          <p className="actor-page-note">How many passages are coded with both a theme and another theme or an actor. A theme counts its own passages, not its sub-themes’.</p>
          <div className="all-highlights-filters" role="group" aria-label="Show">
            <span className="all-highlights-choice">
              <label htmlFor={`${ids}-against`}>Themes against</label>
              <select id={`${ids}-against`} value={against} onChange={(event) => narrow(() => setAgainst(event.target.value as CoOccurrenceAgainst))}>
                <option value="themes">Themes</option>
                <option value="actors">Actors</option>
              </select>
            </span>
            <DocumentChoice documents={documents} value={documentId} onChange={(id) => narrow(() => setDocumentId(id))} />
            <CollectionChoice collections={collections} value={collectionId} onChange={(id) => narrow(() => setCollectionId(id))} />
            <PublishedChoice value={published} onChange={(value) => narrow(() => setPublished(value))} />
            <ExportMenu label="Export" choices={[{ label: 'Table as CSV', run: () => api.call('export.coOccurrence', { against, ...scope }) }]} />
          </div>
        </header>
        {error && <OpenProblem message={error.message} onRetry={refetch} />}
        {data && <Matrix data={data} chosen={cell} onChoose={setCell} />}
        {cell && <CellPassages cell={cell} scope={scope} />}
      </div>
    </main>
  );
}

const columnName = (column: CoOccurrenceColumn) => column.name;
const rowName = (row: CoOccurrenceRow) => row.path.join(' / ');

function Matrix({ data, chosen, onChoose }: { data: CoOccurrence; chosen: Cell | null; onChoose(cell: Cell): void }) {
  if (data.rows.length === 0) {
    return (
      <p className="actor-page-note">
        No themes yet. Add themes in the Themes view and code passages with them; this table then shows which of them go together.
      </p>
    );
  }
  if (data.columns.length === 0) {
    return <p className="actor-page-note">No passage coded with a theme is tagged with an actor{' '}yet.</p>;
  }
  const most = Math.max(1, ...data.rows.flatMap((row) => row.counts.filter((_, index) => !isDiagonal(row, data.columns[index]!))));
  return (
    <div className="co-occurrence-scroller" tabIndex={0} role="region" aria-label="Co-occurrence table">
      <table className="co-occurrence-table">
        <caption className="visually-hidden">
          Passages coded with each theme (rows) and each {data.against === 'themes' ? 'theme' : 'actor'} (columns)
        </caption>
        <thead>
          <tr>
            <td />
            {data.columns.map((column) => (
              <th key={`${column.kind}-${column.id}`} scope="col" className="co-occurrence-column-head" style={actorStyle(column.colour)}>
                <a href={hashForRoute(column.kind === 'theme' ? { kind: 'theme', id: column.id } : { kind: 'actor', id: column.id })}>
                  <span className={column.kind === 'theme' ? 'theme-mark' : 'actor-dot'} aria-hidden="true" />
                  {columnName(column)}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="co-occurrence-row-head" style={{ ...actorStyle(row.colour), paddingInlineStart: `${0.5 + row.depth * 1.1}em` }}>
                <a href={hashForRoute({ kind: 'theme', id: row.id })} aria-label={rowName(row)}>
                  <span className="theme-mark" aria-hidden="true" />
                  {row.name}
                </a>
              </th>
              {row.counts.map((value, index) => {
                const column = data.columns[index]!;
                const diagonal = isDiagonal(row, column);
                const isChosen = chosen?.row.id === row.id && chosen.column.kind === column.kind && chosen.column.id === column.id;
                return (
                  <td
                    key={`${column.kind}-${column.id}`}
                    className={diagonal ? 'co-occurrence-cell co-occurrence-diagonal' : 'co-occurrence-cell'}
                    style={{ '--share': diagonal ? 0 : value / most } as CSSProperties}
                  >
                    {value === 0 ? (
                      <span aria-label="none">·</span>
                    ) : (
                      <button
                        type="button"
                        className="co-occurrence-count"
                        aria-pressed={isChosen}
                        aria-label={
                          diagonal
                            ? `${count(value, 'passage', 'passages')} coded with ${rowName(row)}`
                            : `${count(value, 'passage', 'passages')} with ${rowName(row)} and ${columnName(column)}`
                        }
                        onClick={() => onChoose({ row, column })}
                      >
                        {value.toLocaleString()}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const isDiagonal = (row: CoOccurrenceRow, column: CoOccurrenceColumn) => column.kind === 'theme' && column.id === row.id;

function CellPassages({ cell, scope }: { cell: Cell; scope: Scope }) {
  const id = useId();
  const { data, error, refetch } = useOp('analysis.coOccurrencePassages', { themeId: cell.row.id, with: { kind: cell.column.kind, id: cell.column.id }, ...scope });
  const diagonal = isDiagonal(cell.row, cell.column);
  const title = diagonal ? `Passages coded with ${rowName(cell.row)}` : `Passages with ${rowName(cell.row)} and ${columnName(cell.column)}`;
  return (
    <section aria-labelledby={id} className="actor-page-section co-occurrence-passages">
      <h2 id={id}>
        {title} {data && <span className="actor-page-count">({data.total})</span>}
      </h2>
      {error && <OpenProblem message={error.message} onRetry={refetch} />}
      {data && <PassageGroups passages={data.passages} total={data.total} empty="These passages are no longer coded so." />}
    </section>
  );
}
