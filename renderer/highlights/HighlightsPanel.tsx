import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { ActorFilter, filterByActor } from '../actors/ActorFilter';
import { filterByTheme } from '../themes/theme-filter';
import { ThemeFilter } from '../themes/ThemeFilter';
import { HighlightCard } from './HighlightCard';
import { UndoNotice } from './UndoNotice';
import type { HighlightList } from './use-highlights';
import { COLOUR_LABELS } from './highlight-colours';
import type { HighlightEdit, HighlightUndo } from './use-highlight-undo';
import { usePanelCollapsed } from './panel-collapsed';
import { VirtualCardList, type CardPosition } from './VirtualCardList';

interface Props {
  list: HighlightList;
  undo: HighlightUndo;
  onGoTo(highlight: Highlight): void;
  onActive(id: number | null): void;
  /** The actors' mentions in the document, while the reader shows them. */
  mentions?: ReactNode;
  /** Bring this highlight's card into view; a new object each time it is asked for. */
  reveal?: { id: number } | null;
  /** Bring this card into view and put the keyboard on it (a new object for each request). */
  focus?: { id: number } | null;
  /** Where a passage is, as a citation names it ("p. 12"); null where the document has no pages. */
  placeOf?: (highlight: Highlight) => string | null;
}

const describeEdit = (edit: HighlightEdit) =>
  edit.kind === 'deleted' ? 'Highlight deleted.' : `Colour changed to ${COLOUR_LABELS[edit.to].toLowerCase()}.`;

export function HighlightsPanel({ list, undo, onGoTo, onActive, mentions, reveal = null, focus = null, placeOf }: Props) {
  const { error, highlights } = list;
  // The cards render after the reader has painted the passages, which is what a reader looks at first.
  const cardsOf = useDeferredValue(highlights, null);
  const [actorFilter, setActorFilter] = useState<number | null>(null);
  const [themeFilter, setThemeFilter] = useState<number | null>(null);
  const [placed, orphaned] = useMemo(() => {
    const shown = cardsOf ? filterByTheme(filterByActor(cardsOf, actorFilter), themeFilter) : [];
    return [shown.filter((h) => h.status !== 'orphaned'), shown.filter((h) => h.status === 'orphaned')];
  }, [cardsOf, actorFilter, themeFilter]);
  const panel = useRef<HTMLElement>(null);
  // After a card goes or comes back, focus lands on a card near it rather than on the page itself.
  // Only the cards near the view are mounted: the list brings that card into view, mounts it and focuses it.
  const [focusCard, setFocusCard] = useState<{ id: number; focus: true } | null>(null);
  // A request from the reader becomes the panel's own, so whichever came last is the one carried out.
  const [focusAsked, setFocusAsked] = useState(focus);
  const [collapsed, setCollapsed] = usePanelCollapsed();
  // A passage clicked in the text shows its card, so a folded panel unfolds for it.
  const [revealAsked, setRevealAsked] = useState(reveal);
  if (reveal !== revealAsked) {
    setRevealAsked(reveal);
    if (reveal && collapsed) setCollapsed(false);
  }
  // One card open at a time, as a list of disclosures usually goes: opening another closes this one.
  const [openId, setOpenId] = useState<number | null>(null);
  if (focus !== focusAsked) {
    setFocusAsked(focus);
    if (focus) {
      setFocusCard({ id: focus.id, focus: true });
      // The card asked for must be seen.
      if (collapsed) setCollapsed(false);
    }
  }
  const toggle = useRef<HTMLButtonElement>(null);
  const fold = (next: boolean) => {
    setCollapsed(next);
    // The same control, in its other place, keeps the keyboard.
    requestAnimationFrame(() => toggle.current?.focus());
  };

  const remove = async (highlight: Highlight): Promise<OpError | null> => {
    const all = [...placed, ...orphaned];
    const index = all.findIndex((h) => h.id === highlight.id);
    const failure = await undo.deleteHighlight(highlight);
    if (failure) return failure;
    const rest = all.filter((h) => h.id !== highlight.id);
    const next = rest[index] ?? rest.at(-1);
    if (next) setFocusCard({ id: next.id, focus: true });
    else panel.current?.querySelector<HTMLElement>('h2')?.focus();
    return null;
  };

  const undoAndFocus = async () => {
    const id = undo.notice?.highlight.id;
    await undo.undo();
    if (id !== undefined) setFocusCard({ id, focus: true });
  };

  // A change of colour can be undone; a comment is its own text field, where Ctrl+Z already works.
  const update = async (id: number, changes: { colour?: HighlightColour; comment?: string }) => {
    const highlight = [...placed, ...orphaned].find((h) => h.id === id);
    if (changes.colour && highlight && changes.comment === undefined) {
      const failure = await undo.changeColour(highlight, changes.colour);
      return failure ? { ok: false as const, error: failure } : { ok: true as const, value: { ...highlight, colour: changes.colour } };
    }
    return list.update(id, changes);
  };
  const card = (highlight: Highlight, position: CardPosition) => (
    <HighlightCard
      key={highlight.id}
      highlight={highlight}
      position={position}
      open={openId === highlight.id}
      onOpenChange={(open) => setOpenId(open ? highlight.id : null)}
      onGoTo={onGoTo}
      onUpdate={update}
      onDelete={remove}
      onActive={onActive}
      onTag={list.tag}
      onUntag={list.untag}
      place={placeOf?.(highlight) ?? null}
    />
  );

  const count = highlights && highlights.length > 0 ? ` (${highlights.length})` : '';
  // One element either way: the cards' list scrolls it, and must find it there the moment it unfolds.
  return (
    <aside ref={panel} aria-label="Highlights" className={collapsed ? 'highlights-panel highlights-panel-collapsed' : 'highlights-panel'}>
      {collapsed ? (
        <button ref={toggle} type="button" className="button button-quiet highlights-toggle" aria-expanded="false" onClick={() => fold(false)}>
          Show highlights{count}
        </button>
      ) : (
        <>
      <div className="highlights-header">
        <h2 className="highlights-heading" tabIndex={-1}>
          Highlights
          {count && <span className="highlights-count">{count}</span>}
        </h2>
        <button ref={toggle} type="button" className="button button-quiet highlights-toggle" aria-expanded="true" onClick={() => fold(true)}>
          Hide highlights
        </button>
      </div>
      {error && (
        <div role="alert" className="highlights-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}
      {mentions}
      {cardsOf && <ActorFilter highlights={cardsOf} value={actorFilter} onChange={setActorFilter} />}
      {cardsOf && <ThemeFilter highlights={cardsOf} value={themeFilter} onChange={setThemeFilter} />}
      {cardsOf === null && !error && <p className="highlights-note">Loading highlights…</p>}
      {cardsOf?.length === 0 && <p className="highlights-note">No highlights yet. Select text in the document and choose Highlight.</p>}
      {placed.length > 0 && <VirtualCardList as="ol" className="highlight-list" items={placed} scrollerRef={panel} renderCard={card} reveal={reveal} focus={focusCard} />}
      {orphaned.length > 0 && (
        <section aria-labelledby="highlights-orphaned" className="highlights-orphaned">
          <h3 id="highlights-orphaned">Orphaned</h3>
          <p className="highlights-note">These passages could not be found in the current version of the document.</p>
          <VirtualCardList as="ul" className="highlight-list" items={orphaned} scrollerRef={panel} renderCard={card} reveal={reveal} focus={focusCard} />
        </section>
      )}
      <UndoNotice
        notice={undo.notice}
        describe={describeEdit}
        outcome={undo.outcome}
        onUndo={() => void undoAndFocus()}
        onDismiss={undo.dismissNotice}
        className="undo-notice"
        errorClassName="highlight-card-error"
        failure="That was not undone"
      />
        </>
      )}
    </aside>
  );
}
