import type { Actor } from '../../api';
import type { AnnotatedDocument } from './export-data';

export const CSV_COLUMNS = ['document', 'quote', 'colour', 'comment', 'actors', 'created', 'status', 'document_id', 'highlight_id'] as const;

/**
 * RFC 4180: CRLF between records, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled. The optional byte-order mark is what makes Excel read the file as UTF-8.
 */
export function highlightsCsv(
  documents: AnnotatedDocument[],
  actors: Map<number, Pick<Actor, 'name'>>,
  options: { bom?: boolean } = {},
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { document, highlights } of documents) {
    for (const h of highlights) {
      const names = h.actorIds.map((id) => actors.get(id)?.name).filter((n): n is string => n !== undefined);
      lines.push(
        [document.title, h.exact, h.colour, h.comment, names.join('; '), h.createdAt, h.status, document.uid, h.uid].map(csvField).join(','),
      );
    }
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula; a quote mark neutralises it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
