import type { CoOccurrence, CoOccurrenceColumn, ExportedFile } from '../../common/records';
import { csvField } from '../export/highlights-csv';

/** Between a theme's ancestors' names and its own, so the nesting survives in one spreadsheet cell. */
export const THEME_PATH_SEPARATOR = ' / ';

const heading = (column: CoOccurrenceColumn) => (column.kind === 'theme' ? column.path.join(THEME_PATH_SEPARATOR) : column.name);

/**
 * The matrix as a spreadsheet: a theme per line, named by its path ("Financing / Ransom"), then one
 * count per column. Names go through the CSV guard, so a theme called "=cmd" stays text in Excel.
 */
export function coOccurrenceCsv(matrix: CoOccurrence, options: { bom?: boolean } = {}): string {
  const lines = [['Theme', ...matrix.columns.map(heading)].map(csvField).join(',')];
  for (const row of matrix.rows) lines.push([csvField(heading(row)), ...row.counts.map(String)].join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export function coOccurrenceFile(matrix: CoOccurrence, options: { bom?: boolean } = {}): ExportedFile {
  return {
    fileName: matrix.against === 'themes' ? 'Theme co-occurrence.csv' : 'Theme and actor co-occurrence.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    content: coOccurrenceCsv(matrix, { bom: options.bom ?? true }),
  };
}
