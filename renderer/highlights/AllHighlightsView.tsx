import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { HIGHLIGHT_COLOURS, type DocumentSummary, type HighlightColour, type LibraryHighlight } from '../../main/common/records';
import type { OpInput } from '../../main/common/contract';
import { actorStyle } from '../actors/actor-colours';
import { useActors } from '../actors/actors-store';
import { useOp } from '../data/op-queries';
import { Choice, CollectionChoice, DocumentChoice, ReliabilityChoice, type ReliabilityFilter } from '../filters/FilterChoices';
import { GradeBadge } from '../grades/GradeBadge';
import { useThemes, type CodebookRow } from '../themes/themes-store';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute } from '../route';
import { VirtualCardList } from './VirtualCardList';
import { ANY_DAY, DateRangeFilter, dayRangeInstants, type DayRange } from './DateRangeFilter';
import { chosenShown, NO_SELECTION, toggleAllShown, toggleAt, type Selection } from './highlight-selection';
import { SelectionBar } from './SelectionBar';
import { COLOUR_LABELS } from './highlight-colours';
import { passageTitle } from './quote-text';
import '../styles/all-highlights.css';
import '../styles/themes.css';

type Order = OpInput<'highlights.all'>['order'];

const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The main area at #/highlights: every highlight of the library in one list, newest first or in
 * reading order, narrowed by document, collection, document tag, actor, theme, colour and day; each one says where it is from and opens
 * there, and several can be chosen to export or tag at once. Cards are mounted a screenful at a time, so a library of thousands reads as fast as ten.
 */
export function AllHighlightsView({ documents }: { documents: readonly DocumentSummary[] | null }) {
  const pane = useRef<HTMLElement>(null);
  const [order, setOrder] = useState<Order>('newest');
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [actorId, setActorId] = useState<number | undefined>();
  const [themeId, setThemeId] = useState<number | undefined>();
  const [collectionId, setCollectionId] = useState<number | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [reliability, setReliability] = useState<ReliabilityFilter>();
  const collections = useOp('collections.list', {}).data;
  const tags = useOp('documents.tags', {}).data;
  const [colour, setColour] = useState<HighlightColour | undefined>();
  const [days, setDays] = useState<DayRange>(ANY_DAY);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const { actors, byId } = useActors();
  // A filter on a document or actor that is gone falls back to all of them rather than an error.
  const documentShown = documentId !== undefined && documents?.some((doc) => doc.id === documentId) !== false ? documentId : undefined;
  const actorShown = actorId !== undefined && (actors === null || byId.has(actorId)) ? actorId : undefined;
  const themes = useThemes();
  const themeShown = themeId !== undefined && (themes.tree === null || themes.byId.has(themeId)) ? themeId : undefined;
  // A collection deleted, or a tag gone from every document, narrows nothing any more.
  const collectionShown = collectionId !== undefined && (collections === undefined || collections.some((c) => c.id === collectionId)) ? collectionId : undefined;
  const tagShown = tag !== undefined && (tags === undefined || tags.some((t) => t.tag === tag)) ? tag : undefined;
  const input: OpInput<'highlights.all'> = {
    order,
    ...(documentShown !== undefined && { documentId: documentShown }),
    ...(actorShown !== undefined && { actorId: actorShown }),
    ...(themeShown !== undefined && { themeId: themeShown }),
    ...(collectionShown !== undefined && { collectionId: collectionShown }),
    ...(tagShown !== undefined && { tag: tagShown }),
    ...(reliability !== undefined && { reliability: [reliability === 'none' ? null : reliability] }),
    ...(colour !== undefined && { colour }),
    ...dayRangeInstants(days),
  };
  const { data, error, refetch } = useOp('highlights.all', input);
  const narrowed =
    documentShown !== undefined ||
    actorShown !== undefined ||
    themeShown !== undefined ||
    collectionShown !== undefined ||
    tagShown !== undefined ||
    reliability !== undefined ||
    colour !== undefined || days.from !== '' || days.to !== '';
  const shownIds = useMemo(() => data?.highlights.map((h) => h.id) ?? [], [data]);
  const chosen = useMemo(() => chosenShown(selection, shownIds), [selection, shownIds]);
  const allChosen = chosen.length > 0 && chosen.length === shownIds.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  });
  // Shift+Space toggles a range; the click it makes may not say Shift was held, so the key does.
  const shiftSpace = useRef(false);
  const choose = (index: number, range: boolean) => {
    setSelection((previous) => toggleAt(previous, shownIds, index, range || shiftSpace.current));
    shiftSpace.current = false;
  };

  return (
    <main ref={pane} tabIndex={0} aria-label="All highlights" aria-busy={!data && !error} className="actor-page all-highlights">
      <div className="actor-page-column">
        <header className="actor-page-header">
          <h1>All highlights</h1>
          <div className="all-highlights-filters" role="group" aria-label="Show">
            <Choice label="Order" value={order} onChange={(value) => setOrder(value as Order)}>
              <option value="newest">Newest first</option>
              <option value="reading">In reading order</option>
            </Choice>
            <DocumentChoice documents={documents} value={documentShown} onChange={setDocumentId} />
            <CollectionChoice collections={collections} value={collectionShown} onChange={setCollectionId} />
            {tags && tags.length > 0 && (
              <Choice label="Tag" value={tagShown ?? ''} onChange={(value) => setTag(value || undefined)}>
                <option value="">Any tag</option>
                {tags.map(({ tag: name }) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Choice>
            )}
            <Choice label="Actor" value={String(actorShown ?? '')} onChange={(value) => setActorId(value ? Number(value) : undefined)}>
              <option value="">Any actor</option>
              {actors?.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </Choice>
            {themes.rows.length > 0 && (
              <Choice label="Theme" value={String(themeShown ?? '')} onChange={(value) => setThemeId(value ? Number(value) : undefined)}>
                <option value="">Any theme</option>
                {themes.rows.map((row) => (
                  <option key={row.theme.id} value={row.theme.id}>
                    {row.path}
                  </option>
                ))}
              </Choice>
            )}
            <Choice label="Colour" value={colour ?? ''} onChange={(value) => setColour(HIGHLIGHT_COLOURS.find((c) => c === value))}>
              <option value="">Any colour</option>
              {HIGHLIGHT_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {COLOUR_LABELS[c]}
                </option>
              ))}
            </Choice>
            <ReliabilityChoice value={reliability} onChange={setReliability} />
            <DateRangeFilter value={days} onChange={setDays} />
          </div>
          <p role="status" className="actor-page-note">
            {data && summary(data.total, data.highlights.length, narrowed)}
          </p>
          {data && data.highlights.length > 0 && (
            <label className="all-highlights-select-all">
              <input ref={selectAll} type="checkbox" checked={allChosen} onChange={() => setSelection((previous) => toggleAllShown(previous, shownIds))} />
              Select all shown
            </label>
          )}
          {chosen.length > 0 && <SelectionBar chosen={chosen} actors={actors ?? []} themes={themes.rows} onClear={() => setSelection(NO_SELECTION)} />}
        </header>
        {error && <OpenProblem message={error.message} onRetry={refetch} />}
        {data && data.highlights.length > 0 && (
          <VirtualCardList
            items={data.highlights}
            scrollerRef={pane}
            as="ol"
            className="all-highlights-list"
            reveal={null}
            focus={null}
            renderCard={(highlight, position) => (
              <HighlightEntry
                key={highlight.id}
                highlight={highlight}
                position={position}
                actorsById={byId}
                themesById={themes.byId}
                chosen={selection.ids.has(highlight.id)}
                onChoose={(event) => choose(position.index - 1, event.shiftKey)}
                onChooseKey={(event) => {
                  if (event.key === ' ') shiftSpace.current = event.shiftKey;
                }}
              />
            )}
          />
        )}
      </div>
    </main>
  );
}

function summary(total: number, listed: number, narrowed: boolean): string {
  if (total === 0) return narrowed ? 'No highlight matches these choices.' : 'No highlights yet. Select text in a document and choose Highlight.';
  if (listed < total) return `Showing ${count(listed, 'highlight', 'highlights')} of ${total.toLocaleString()}; narrow the list with the choices above.`;
  return count(total, 'highlight', 'highlights');
}

interface EntryProps {
  highlight: LibraryHighlight;
  position: { index: number; count: number };
  actorsById: ReadonlyMap<number, { name: string; colour: string }>;
  themesById: ReadonlyMap<number, CodebookRow>;
  chosen: boolean;
  onChoose(event: MouseEvent<HTMLInputElement>): void;
  onChooseKey(event: KeyboardEvent<HTMLInputElement>): void;
}

function HighlightEntry({ highlight, position, actorsById, themesById, chosen, onChoose, onChooseKey }: EntryProps) {
  const orphaned = highlight.status === 'orphaned';
  const tagged = highlight.actorIds.flatMap((id) => {
    const actor = actorsById.get(id);
    return actor ? [{ id, ...actor }] : [];
  });
  const coded = highlight.themeIds.flatMap((id) => themesById.get(id)?.theme ?? []);
  return (
    <li data-id={highlight.id} data-colour={highlight.colour} className="actor-passage all-highlights-entry" aria-posinset={position.index} aria-setsize={position.count}>
      <input
        type="checkbox"
        className="all-highlights-check"
        aria-label={`Select ${passageTitle(highlight, 60)}`}
        checked={chosen}
        onClick={onChoose}
        onKeyDown={onChooseKey}
        onChange={() => {}}
      />
      <a
        className="actor-passage-quote"
        href={hashForRoute(orphaned ? { kind: 'document', id: highlight.documentId } : { kind: 'document', id: highlight.documentId, highlightId: highlight.id })}
      >
        {passageTitle(highlight, 320)}
      </a>
      <p className="all-highlights-source">
        {highlight.documentTitle} · {COLOUR_LABELS[highlight.colour]} · {DAY.format(new Date(highlight.createdAt))}
        {highlight.grade && (highlight.grade.reliability || highlight.grade.credibility) && (
          <>
            {' '}
            · <GradeBadge reliability={highlight.grade.reliability} credibility={highlight.grade.credibility} fromDocument={highlight.grade.credibilityFromDocument} />
          </>
        )}
      </p>
      {highlight.comment && <p className="actor-passage-comment">{highlight.comment}</p>}
      {orphaned && <p className="actor-page-note">Not found in the current version of the document.</p>}
      {tagged.length > 0 && (
        <ul aria-label="Actors" className="all-highlights-actors">
          {tagged.map((actor) => (
            <li key={actor.id}>
              <a href={hashForRoute({ kind: 'actor', id: actor.id })} className="actor-name-chip" style={actorStyle(actor.colour)}>
                <span className="actor-dot" aria-hidden="true" />
                {actor.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {coded.length > 0 && (
        <ul aria-label="Themes" className="all-highlights-actors">
          {coded.map((theme) => (
            <li key={theme.id}>
              <a href={hashForRoute({ kind: 'theme', id: theme.id })} className="actor-name-chip" style={actorStyle(theme.colour)}>
                <span className="theme-mark" aria-hidden="true" />
                {theme.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
