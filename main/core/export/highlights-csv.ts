import type { Actor } from '../../common/records';
import { partOfHighlight } from '../documents/document-parts';
import { themesOf, type AnnotatedDocument, type ExportTheme } from './export-data';

export const CSV_COLUMNS = [
  'document',
  'quote',
  'colour',
  'comment',
  'actors',
  'created',
  'status',
  'document_id',
  'highlight_id',
  // After the first columns, so a sheet built on those still reads.
  'authors',
  'published',
  'publisher',
  'document_tags',
  // Each theme by its path in the codebook ("Violence/Financing"), separated like the actors.
  'themes',
  // The Admiralty grade the passage is shown with: its document's letter, its own digit or else its document's.
  'reliability',
  'credibility',
  // Where the passage is: a PDF's page by its printed label, an EPUB's chapter by its title.
  'page',
  'chapter',
] as const;

/**
 * RFC 4180: CRLF between records, fields quoted when they hold a quote or a separator, quotes
 * doubled. The optional byte-order mark is what makes Excel read the file as UTF-8.
 */
export function highlightsCsv(
  documents: AnnotatedDocument[],
  actors: Map<number, Pick<Actor, 'name'>>,
  options: { bom?: boolean; themes?: Map<number, ExportTheme> } = {},
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { document, highlights, parts = [] } of documents) {
    for (const h of highlights) {
      const part = partOfHighlight(parts, h);
      const names = h.actorIds.map((id) => actors.get(id)?.name).filter((n): n is string => n !== undefined);
      lines.push(
        [
          document.title,
          h.exact,
          h.colour,
          h.comment,
          names.join('; '),
          h.createdAt,
          h.status,
          document.uid,
          h.uid,
          document.authors.join('; '),
          document.published ?? '',
          document.publisher ?? '',
          document.tags.join('; '),
          themesOf(h, options.themes).map((t) => t.path.join('/')).join('; '),
          h.grade?.reliability ?? '',
          String(h.grade?.credibility ?? ''),
          part?.kind === 'page' ? part.label : '',
          part?.kind === 'chapter' ? part.label : '',
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/**
 * What makes a spreadsheet read a cell as a formula (OWASP's list, and the full-width forms some
 * read too), after whatever a reader may skip first: spaces it trims, and a quote that a lenient
 * reader takes as opening a quoted cell.
 */
const FORMULA_START = /^((?:[^\S\t\r\n]|")*)(?=[=+\-@\t\r＝＋－＠])/;
/**
 * Characters a spreadsheet may split a line on: the comma, and the semicolon, tab or bar that
 * other locales and import settings use, and line breaks for readers that ignore quotes.
 */
const SEPARATORS = /[,;\t|\r\n]/;
const FORMULA_AFTER_SEPARATOR = /([,;\t|\r\n](?:[^\S\t\r\n]|")*)(?=[=+\-@\t\r＝＋－＠])/g;

/**
 * One cell, safe in a spreadsheet whatever separator it splits on. A cell that starts like a
 * formula gets a quote mark before its formula character, which makes it text (OWASP's CSV injection advice); so does
 * every piece after a separator, since a spreadsheet splitting on `;` would start a cell there;
 * and a cell holding any separator is quoted so that one reading the quotes keeps it whole.
 */
export function csvField(value: string): string {
  const safe = value.replace(FORMULA_START, "$1'").replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return safe.includes('"') || SEPARATORS.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
