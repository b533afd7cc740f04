import type { CoOccurrence } from '../../common/records';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate, type Column } from '../format-table';
import { gradeFilterFromOptions } from '../grade-arguments';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

/** Column headings are cut short so a dozen columns still fit a terminal; --json has the full names. */
const HEADING_WIDTH = 12;

/**
 * `cooccurrence [--json] [--against themes|actors] [--document ID] [--collection ID] [--from DATE] [--to DATE]
 * [--reliability A,B] [--credibility 1,2]`:
 * how many passages carry each theme together with each theme or actor. Values go to the operation
 * as typed, so its own messages say what is wrong.
 */
export function runCoOccurrence({ library, io, json, options }: CommandInput): number {
  const matrix = callOp(library, 'analysis.coOccurrence', {
    against: options.against ?? 'themes',
    ...(options.document !== undefined && { documentId: idFromArgument(options.document) }),
    ...(options.collection !== undefined && { collectionId: idFromArgument(options.collection) }),
    ...(options.from !== undefined && { publishedFrom: options.from }),
    ...(options.to !== undefined && { publishedTo: options.to }),
    ...gradeFilterFromOptions(options),
  });
  if (json) {
    writeJson(io, forScripts(matrix));
    return EXIT_OK;
  }
  if (matrix.rows.length === 0) {
    io.stdout.write('No themes yet.\n');
    return EXIT_OK;
  }
  const columns: Column[] = [
    { header: 'THEME' },
    { header: 'PASSAGES', align: 'right' },
    ...matrix.columns.map((column) => ({ header: truncate(column.name, HEADING_WIDTH), align: 'right' as const })),
  ];
  io.stdout.write(
    formatTable(
      columns,
      // A zero prints as a dot, so the cells that hold something stand out in a wide table.
      matrix.rows.map((row) => [
        `${'  '.repeat(row.depth)}${truncate(row.name, 40)}`,
        String(row.passageCount),
        ...row.counts.map((count) => (count === 0 ? '·' : String(count))),
      ]),
    ),
  );
  if (matrix.against === 'actors' && matrix.columns.length === 0) io.stdout.write('No actor is tagged on a passage here.\n');
  return EXIT_OK;
}

/** Ids, names and counts; colours are the page's business. */
function forScripts(matrix: CoOccurrence) {
  return {
    against: matrix.against,
    columns: matrix.columns.map((column) => ({ kind: column.kind, id: column.id, name: column.name, passageCount: column.passageCount })),
    rows: matrix.rows.map(({ id, name, path, depth, passageCount, counts }) => ({ id, name, path, depth, passageCount, counts })),
  };
}
