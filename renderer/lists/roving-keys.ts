/**
 * Where a key moves the focus in a list of `count` rows, as in a listbox: arrows one row, Page keys
 * a screenful, Home and End the ends. Null for a key the list does not move on.
 */
export function nextRowIndex(key: string, index: number, count: number, rowsPerPage: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const page = Math.max(1, rowsPerPage - 1);
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, last);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'PageDown':
      return Math.min(index + page, last);
    case 'PageUp':
      return Math.max(index - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** The rows to mount for a view of the list: those in sight and `overscan` either side. */
export function rowsInSight(scrollTop: number, viewHeight: number, rowHeight: number, count: number, overscan: number): { first: number; last: number } {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { first, last };
}
