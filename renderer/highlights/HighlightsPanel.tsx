import { useDeferredValue, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Highlight, HighlightColour, OpError } from '../../main/api';
import { ActorFilter, filterByActor } from '../actors/ActorFilter';
import { HighlightCard } from './HighlightCard';
import { UndoNotice } from './UndoNotice';
import type { HighlightList } from './use-highlights';
import type { UndoDelete } from './use-undo-delete';

interface Props {
  list: HighlightList;
  undo: UndoDelete;
  onGoTo(highlight: Highlight): void;
  onActive(id: number | null): void;
  /** The actors' mentions in the document, while the reader shows them. */
  mentions?: ReactNode;
}

const highlightDeleted = () => 'Highlight deleted.';

export function HighlightsPanel({ list, undo, onGoTo, onActive, mentions }: Props) {
  const { error } = list;
  // The cards render after the reader has painted the passages: thousands of cards would
  // otherwise hold up the document's highlights, which is what a reader looks at first.
  const highlights = useDeferredValue(list.highlights, null);
  const [actorFilter, setActorFilter] = useState<number | null>(null);
  const shown = highlights ? filterByActor(highlights, actorFilter) : null;
  const placed = shown?.filter((h) => h.status !== 'orphaned') ?? [];
  const orphaned = shown?.filter((h) => h.status === 'orphaned') ?? [];
  const panel = useRef<HTMLElement>(null);
  // After a card goes or comes back, focus lands on a card near it rather than on the page itself.
  const [focusAfter, setFocusAfter] = useState<{ index: number } | { id: number } | null>(null);

  useLayoutEffect(() => {
    if (!focusAfter || !panel.current) return;
    const cards = Array.from(panel.current.querySelectorAll<HTMLElement>('.highlight-card'));
    const card =
      'id' in focusAfter
        ? panel.current.querySelector<HTMLElement>(`.highlight-card[data-id="${focusAfter.id}"]`)
        : (cards[focusAfter.index] ?? cards.at(-1));
    const target = card?.querySelector<HTMLElement>('button, textarea') ?? panel.current.querySelector<HTMLElement>('h2');
    if ('id' in focusAfter && !card) return; // Not in the list yet; try again when it is.
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter, highlights]);

  const remove = async (highlight: Highlight): Promise<OpError | null> => {
    const index = highlights?.findIndex((h) => h.id === highlight.id) ?? 0;
    const failure = await undo.deleteHighlight(highlight);
    if (!failure) setFocusAfter({ index });
    return failure;
  };

  const undoAndFocus = async () => {
    const id = undo.notice?.id;
    await undo.undo();
    if (id !== undefined) setFocusAfter({ id });
  };

  const update = (id: number, changes: { colour?: HighlightColour; comment?: string }) => list.update(id, changes);
  const card = (highlight: Highlight) => (
    <HighlightCard
      key={highlight.id}
      highlight={highlight}
      onGoTo={onGoTo}
      onUpdate={update}
      onDelete={remove}
      onActive={onActive}
      onTag={list.tag}
      onUntag={list.untag}
    />
  );

  return (
    <aside ref={panel} aria-label="Highlights" className="highlights-panel">
      <h2 className="highlights-heading" tabIndex={-1}>
        Highlights
        {highlights && highlights.length > 0 && <span className="highlights-count"> ({highlights.length})</span>}
      </h2>
      {error && (
        <div role="alert" className="highlights-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}
      {mentions}
      {highlights && <ActorFilter highlights={highlights} value={actorFilter} onChange={setActorFilter} />}
      {highlights === null && !error && <p className="highlights-note">Loading highlights…</p>}
      {highlights?.length === 0 && <p className="highlights-note">No highlights yet. Select text in the document and choose Highlight.</p>}
      {placed.length > 0 && <ol className="highlight-list">{placed.map(card)}</ol>}
      {orphaned.length > 0 && (
        <section aria-labelledby="highlights-orphaned" className="highlights-orphaned">
          <h3 id="highlights-orphaned">Orphaned</h3>
          <p className="highlights-note">These passages could not be found in the current version of the document.</p>
          <ul className="highlight-list">{orphaned.map(card)}</ul>
        </section>
      )}
      <UndoNotice
        notice={undo.notice}
        describe={highlightDeleted}
        outcome={undo.outcome}
        onUndo={() => void undoAndFocus()}
        onDismiss={undo.dismissNotice}
        className="undo-notice"
        errorClassName="highlight-card-error"
        failure="The highlight was not restored"
      />
    </aside>
  );
}
