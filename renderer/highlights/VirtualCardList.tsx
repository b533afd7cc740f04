import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';

/*
 * A book can carry thousands of highlights; mounting a card for each (every one with its own
 * controls and requests) would hold up the reader. Only the cards near the panel's view are
 * mounted, between two spacers that keep the room of the others, so the scrollbar is right. Cards
 * are measured as they are laid out and estimated until then. The card holding focus stays mounted
 * wherever the panel is scrolled, and each card says where it stands in the whole list
 * (aria-posinset of aria-setsize), since a screen reader only sees the mounted ones.
 */

/** A card not measured yet is taken to be this tall (a closed card: a quote of two or three lines and a line under it). */
const ESTIMATED_CARD_PX = 96;
/** Cards mounted beyond each edge of the view, so scrolling and tabbing find them already there. */
const OVERSCAN_PX = 900;
/** Cards mounted before the panel has been measured. */
const INITIAL_CARDS = 12;
/** A list this short is mounted whole: it costs little, and every card is there for find-in-page and the like. */
const ALWAYS_MOUNTED = 40;

export interface CardPosition {
  /** 1-based place in the whole list. */
  index: number;
  count: number;
}

interface Props<H extends { id: number }> {
  items: readonly H[];
  /** The panel that scrolls the list. */
  scrollerRef: RefObject<HTMLElement | null>;
  as: 'ol' | 'ul';
  className: string;
  /** The card, an element carrying data-id={item.id}, so it can be measured and found. */
  renderCard(item: H, position: CardPosition): ReactNode;
  /** Bring this card into view (mounting it first); a new object each time it is asked for. */
  reveal: { id: number } | null;
  /** The same, and focus the card's first control: for a card that takes the place of one deleted, or comes back. */
  focus: { id: number } | null;
}

export interface Mounted {
  first: number;
  last: number;
}

export function VirtualCardList<H extends { id: number }>({ items, scrollerRef, as: List, className, renderCard, reveal, focus }: Props<H>) {
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  // Each card's room (its height and the gap after it), as last laid out.
  const [heights, setHeights] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [mounted, setMounted] = useState<Mounted>(() => ({ first: 0, last: (items.length <= ALWAYS_MOUNTED ? items.length : INITIAL_CARDS) - 1 }));
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [gap, setGap] = useState(8);
  const revealing = useRef<{ id: number; focus: boolean; scrolled: boolean } | null>(null);

  // offsets[i] is where card i starts, counting each card's gap after it; offsets[n] is the whole list's room.
  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) result[i + 1] = result[i]! + (heights.get(items[i]!.id) ?? ESTIMATED_CARD_PX + gap);
    return result;
  }, [items, gap, heights]);

  const update = useCallback(() => {
    const scroller = scrollerRef.current;
    const element = list.current;
    if (!scroller || !element) return;
    const from = scroller.getBoundingClientRect().top - element.getBoundingClientRect().top - OVERSCAN_PX;
    const to = from + scroller.clientHeight + 2 * OVERSCAN_PX;
    const { first, last } = items.length <= ALWAYS_MOUNTED ? { first: 0, last: items.length - 1 } : cardsBetween(offsets, from, to);
    setMounted((previous) => (previous.first === first && previous.last === last ? previous : { first, last }));
  }, [scrollerRef, offsets, items.length]);

  useLayoutEffect(update, [update]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    scroller.addEventListener('scroll', update, { passive: true });
    globalThis.addEventListener('resize', update);
    return () => {
      scroller.removeEventListener('scroll', update);
      globalThis.removeEventListener('resize', update);
    };
  }, [scrollerRef, update]);

  useLayoutEffect(() => {
    if (list.current) setGap(parseFloat(getComputedStyle(list.current).rowGap) || 0);
  }, []);

  // Cards change height on their own (a comment grows, an actor is tagged): each is watched while mounted.
  const [resizes] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          const rooms = entries
            .map((entry) => entry.target as HTMLElement)
            .filter((card) => card.isConnected)
            .map((card) => [Number(card.dataset.id), card.offsetHeight + gapOf(card)] as const);
          setHeights((previous) => {
            if (rooms.every(([id, room]) => previous.get(id) === room)) return previous;
            const next = new Map(previous);
            for (const [id, room] of rooms) next.set(id, room);
            return next;
          });
        }),
  );
  useEffect(() => () => resizes?.disconnect(), [resizes]);
  useLayoutEffect(() => {
    for (const card of Array.from(list.current?.querySelectorAll<HTMLElement>(':scope > [data-id]') ?? [])) resizes?.observe(card);
  });

  // Asked to show a card: scroll to where it will be (once it is in the list), then, once it is mounted, to where it is.
  useLayoutEffect(() => {
    if (reveal) revealing.current = { id: reveal.id, focus: false, scrolled: false };
  }, [reveal]);
  useLayoutEffect(() => {
    if (focus) revealing.current = { id: focus.id, focus: true, scrolled: false };
  }, [focus]);
  useLayoutEffect(() => {
    const pending = revealing.current;
    const scroller = scrollerRef.current;
    const element = list.current;
    if (!pending || pending.scrolled || !scroller || !element) return;
    const index = items.findIndex((item) => item.id === pending.id);
    if (index < 0) return;
    pending.scrolled = true;
    const top = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop + offsets[index]!;
    const bottom = top + offsets[index + 1]! - offsets[index]!;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    update();
    // Not on offsets: cards being measured must not pull the panel back to a card already shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal, focus, items]);
  useLayoutEffect(() => {
    const pending = revealing.current;
    if (!pending?.scrolled) return;
    const card = list.current?.querySelector<HTMLElement>(`:scope > [data-id="${pending.id}"]`);
    if (!card) return;
    revealing.current = null;
    card.scrollIntoView({ block: 'nearest' });
    if (pending.focus) card.querySelector<HTMLElement>('button, textarea')?.focus();
  });

  const focusedIndex = focusedId === null ? -1 : items.findIndex((item) => item.id === focusedId);
  const shown: number[] = [];
  const last = Math.min(mounted.last, items.length - 1);
  if (focusedIndex >= 0 && focusedIndex < mounted.first) shown.push(focusedIndex);
  for (let index = mounted.first; index <= last; index++) shown.push(index);
  if (focusedIndex > last) shown.push(focusedIndex);

  const children: ReactNode[] = [];
  let next = 0;
  for (const index of shown) {
    if (index > next) children.push(<Spacer key={`before-${index}`} height={offsets[index]! - offsets[next]! - gap} />);
    children.push(renderCard(items[index]!, { index: index + 1, count: items.length }));
    next = index + 1;
  }
  if (next < items.length) children.push(<Spacer key="end" height={offsets[items.length]! - offsets[next]! - gap} />);

  return (
    <List
      ref={list}
      className={className}
      onFocus={(event) => {
        const card = (event.target as Element).closest<HTMLElement>('[data-id]');
        if (card) setFocusedId(Number(card.dataset.id));
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
      }}
    >
      {children}
    </List>
  );
}

function Spacer({ height }: { height: number }) {
  return <li aria-hidden="true" className="card-list-spacer" style={{ height: Math.max(0, height) }} />;
}

/** The cards that overlap [from, to] in the list's own coordinates, given where each starts (offsets[n] is the end). */
export function cardsBetween(offsets: Float64Array, from: number, to: number): Mounted {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const first = lastAtOrBefore(offsets, from);
  return { first, last: Math.min(count - 1, Math.max(first, lastAtOrBefore(offsets, to))) };
}

/** The last index whose offset is at or before the given point (0 when none is). */
function lastAtOrBefore(offsets: Float64Array, point: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (offsets[middle]! <= point) low = middle;
    else high = middle - 1;
  }
  return low;
}

function gapOf(card: HTMLElement): number {
  const parent = card.parentElement;
  return parent ? parseFloat(getComputedStyle(parent).rowGap) || 0 : 0;
}
