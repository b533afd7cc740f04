import { useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { nextRowIndex, rowsInSight } from './roving-keys';

/*
 * A sidebar list that stays quick and quiet with thousands of rows. It is one Tab stop: the row
 * last visited (or the one open in the main area) takes Tab, the arrows, Page keys, Home and End
 * move between rows, and typing a letter hands it to the list's filter. Rows are all the same
 * height (their CSS says how tall), so only those near the view are mounted, placed where they
 * would be; each says where it stands in the whole list, since a screen reader sees only those
 * mounted. A short list is mounted whole, so find-in-page and the like see all of it.
 */

/** Rows mounted beyond each edge of the view, so a Page key or a flick of the wheel finds them there. */
const OVERSCAN_ROWS = 12;
/** A list this short is mounted whole. */
const ALWAYS_MOUNTED = 80;
/** A row's height until one has been laid out and measured (two lines of the sidebar's text). */
const ESTIMATED_ROW_PX = 52;

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): number;
  /** The list's accessible name, e.g. "Documents". */
  label: string;
  className: string;
  rowClassName?: string;
  /** The row of the item open in the main area: it holds the Tab stop until another row is visited. */
  currentKey: number | null;
  /** The row's content: one control that takes `tabIndex` and has the class list-row-control, and what describes it. */
  renderRow(item: T, tabIndex: 0 | -1): ReactNode;
  /** A printable key typed on a row: the list's filter takes it. */
  onType(character: string): void;
}

export function RovingList<T>({ items, keyOf, label, className, rowClassName, currentKey, renderRow, onType }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [visited, setVisited] = useState<number | null>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_PX);
  const focusAfterRender = useRef<number | null>(null);

  const indexByKey = useMemo(() => new Map(items.map((item, index) => [keyOf(item), index])), [items, keyOf]);
  const stopKey = [visited, currentKey].find((key): key is number => key !== null && indexByKey.has(key)) ?? (items[0] ? keyOf(items[0]) : null);
  const stopIndex = stopKey === null ? -1 : indexByKey.get(stopKey)!;

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    setView((previous) => (previous.top === element.scrollTop && previous.height === element.clientHeight ? previous : { top: element.scrollTop, height: element.clientHeight }));
    const row = element.querySelector('li');
    if (row && row.offsetHeight > 0) setRowHeight((previous) => (previous === row.offsetHeight ? previous : row.offsetHeight));
  }, []);

  useLayoutEffect(() => {
    measure();
    const element = scroller.current;
    if (!element) return;
    const resizes = new ResizeObserver(measure);
    resizes.observe(element);
    return () => resizes.disconnect();
  }, [measure]);

  useLayoutEffect(() => {
    const key = focusAfterRender.current;
    if (key === null) return;
    focusAfterRender.current = null;
    scroller.current?.querySelector<HTMLElement>(`li[data-row-key="${key}"] .list-row-control`)?.focus();
  });

  const mounted = items.length <= ALWAYS_MOUNTED ? { first: 0, last: items.length - 1 } : rowsInSight(view.top, view.height, rowHeight, items.length, OVERSCAN_ROWS);
  const indices: number[] = [];
  for (let index = mounted.first; index <= mounted.last; index++) indices.push(index);
  // The Tab stop is always there to be tabbed to, wherever the list is scrolled.
  if (stopIndex >= 0 && (stopIndex < mounted.first || stopIndex > mounted.last)) indices.push(stopIndex);

  const moveTo = (index: number) => {
    const element = scroller.current;
    const item = items[index];
    if (!element || !item) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    const key = keyOf(item);
    focusAfterRender.current = key;
    setVisited(key);
    measure();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const rowsPerPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight));
    const next = nextRowIndex(event.key, stopIndex, items.length, rowsPerPage);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    if (event.key.length === 1 && event.key !== ' ') {
      event.preventDefault();
      onType(event.key);
    }
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const key = event.target.closest<HTMLElement>('li[data-row-key]')?.dataset['rowKey'];
    if (key !== undefined && Number(key) !== visited) setVisited(Number(key));
  };

  return (
    <div ref={scroller} className="roving-scroller" onScroll={measure}>
      <ul aria-label={label} className={`roving-list ${className}`} style={{ height: items.length * rowHeight }} onKeyDown={onKeyDown} onFocus={onFocus}>
        {indices.map((index) => {
          const item = items[index]!;
          const key = keyOf(item);
          return (
            <li
              key={key}
              data-row-key={key}
              className={rowClassName ? `list-row ${rowClassName}` : 'list-row'}
              style={{ top: index * rowHeight }}
              aria-posinset={index + 1}
              aria-setsize={items.length}
            >
              {renderRow(item, index === stopIndex ? 0 : -1)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
