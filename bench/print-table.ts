import { formatTable } from '../main/cli/format-table';
import type { BenchRow } from './benchmark';

export function passes(row: BenchRow): boolean | undefined {
  return row.target ? row.value < row.target.max : undefined;
}

export function printTable(rows: readonly BenchRow[]): string {
  return formatTable(
    [
      { header: 'BENCHMARK' },
      { header: 'MEASURE' },
      { header: 'RESULT', align: 'right' },
      { header: 'TARGET', align: 'right' },
      { header: 'PASS' },
    ],
    rows.map((row) => {
      const pass = passes(row);
      return [
        row.benchmark,
        row.measure,
        `${formatNumber(row.value, row.unit)} ${row.unit}`,
        row.target ? `< ${row.target.max} ${row.unit}` : '—',
        pass === undefined ? '' : pass ? 'pass' : 'FAIL',
      ];
    }),
  );
}

function formatNumber(value: number, unit: BenchRow['unit']): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = unit === 'count' ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
