import { useId } from 'react';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../main/common/records';
import { COLOUR_LABELS } from '../highlights/highlight-colours';
import { KINDS, type SearchKind } from './result-options';
import type { FilterChoices } from './use-filter-choices';

export interface Filters {
  /** The kinds asked for; none pressed means every kind. */
  kinds: SearchKind[];
  actorId: number | null;
  themeId: number | null;
  colour: HighlightColour | null;
  documentId: number | null;
}

export const NO_FILTERS: Filters = { kinds: [], actorId: null, themeId: null, colour: null, documentId: null };

export const isFiltered = (filters: Filters) =>
  filters.kinds.length > 0 || filters.actorId !== null || filters.themeId !== null || filters.colour !== null || filters.documentId !== null;

interface Props {
  filters: Filters;
  choices: FilterChoices;
  onChange(filters: Filters): void;
  /** Clear filters: its button goes with the filters, so focus must go somewhere sensible. */
  onClear(): void;
}

const toId = (value: string): number | null => (value === '' ? null : Number(value));

export function SearchFilters({ filters, choices, onChange, onClear }: Props) {
  const ids = useId();
  const toggle = (kind: SearchKind) =>
    onChange({ ...filters, kinds: filters.kinds.includes(kind) ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] });

  return (
    <div className="search-filters">
      <div role="group" aria-label="Kinds" className="search-kinds">
        {KINDS.map(({ kind, label }) => (
          <button key={kind} type="button" className="search-chip" aria-pressed={filters.kinds.includes(kind)} onClick={() => toggle(kind)}>
            {label}
          </button>
        ))}
      </div>
      <div className="search-selects">
        <label className="search-select" htmlFor={`${ids}-actor`}>
          <span>Actor</span>
          <select id={`${ids}-actor`} value={filters.actorId ?? ''} onChange={(event) => onChange({ ...filters, actorId: toId(event.target.value) })}>
            <option value="">Any</option>
            {choices.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        {choices.themes.length > 0 && (
          <label className="search-select" htmlFor={`${ids}-theme`}>
            <span>Theme</span>
            <select id={`${ids}-theme`} value={filters.themeId ?? ''} onChange={(event) => onChange({ ...filters, themeId: toId(event.target.value) })}>
              <option value="">Any</option>
              {choices.themes.map((row) => (
                <option key={row.theme.id} value={row.theme.id}>
                  {row.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="search-select" htmlFor={`${ids}-colour`}>
          <span>Colour</span>
          <select
            id={`${ids}-colour`}
            value={filters.colour ?? ''}
            onChange={(event) => onChange({ ...filters, colour: (event.target.value || null) as HighlightColour | null })}
          >
            <option value="">Any</option>
            {HIGHLIGHT_COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {COLOUR_LABELS[colour]}
              </option>
            ))}
          </select>
        </label>
        <label className="search-select search-select-wide" htmlFor={`${ids}-document`}>
          <span>Document</span>
          <select
            id={`${ids}-document`}
            value={filters.documentId ?? ''}
            onChange={(event) => onChange({ ...filters, documentId: toId(event.target.value) })}
          >
            <option value="">Any</option>
            {choices.documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        </label>
        {isFiltered(filters) && (
          <button type="button" className="search-clear-filters" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
