export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Plain-text columns separated by two spaces, for a terminal. Widths count UTF-16 code units, so
 * wide (CJK) or combining characters can push a row out of line; titles are mostly Latin.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index]!;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...rows.map(render)].map((line) => `${line}\n`).join('');
}

/** Cuts a cell to `max` characters, marking the cut, so one long title cannot widen the table. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
