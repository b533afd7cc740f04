import type Database from 'better-sqlite3';
import { splitPassages } from './passages';

/**
 * The SQL function the documents triggers call to cut a text into passages, so that every
 * write to `documents` (import, replace, restore, a bulk load) keeps the passage index in the
 * same statement without knowing about it. Registered on every connection before the schema is
 * used: a connection without it fails the write (and so rolls it back) rather than leave the
 * index stale.
 *
 *   SELECT start, "end", text FROM fieldbook_passages(?)
 */
export function registerPassageFunctions(db: Database.Database): void {
  db.table('fieldbook_passages', {
    columns: ['start', 'end', 'text'],
    parameters: ['source'],
    *rows(source: unknown) {
      const text = typeof source === 'string' ? source : '';
      for (const { start, end } of splitPassages(text)) yield [start, end, text.slice(start, end)];
    },
  });
}
