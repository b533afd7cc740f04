import { formatEventDate } from '../../common/timeline';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate } from '../format-table';
import { gradeFilterFromOptions } from '../grade-arguments';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

/**
 * `timeline [--json] [--suggested] [--document ID] [--collection ID] [--from DATE] [--to DATE]
 * [--reliability A,B] [--credibility 1,2]`: the dated passages, earliest first. The JSON is the
 * issue's: `{ date, precision, text, highlightId, documentId, actorIds, confirmed }`, dates as
 * ISO ("2012-01" for a month, "2012" for a year, "2012-01/2012-03" for a range).
 */
export function runTimeline({ library, io, json, options }: CommandInput): number {
  const suggested = options.suggested !== undefined;
  const timeline = callOp(library, 'timeline.events', {
    suggestions: suggested,
    ...(options.document !== undefined && { documentId: idFromArgument(options.document) }),
    ...(options.collection !== undefined && { collectionId: idFromArgument(options.collection) }),
    ...(options.from !== undefined && { publishedFrom: options.from }),
    ...(options.to !== undefined && { publishedTo: options.to }),
    ...gradeFilterFromOptions(options),
  });
  const events = [...timeline.events, ...timeline.suggestions];
  if (json) {
    writeJson(
      io,
      events.map(({ date, precision, quote, highlightId, documentId, actorIds, confirmed }) => ({ date, precision, text: quote, highlightId, documentId, actorIds, confirmed })),
    );
    return EXIT_OK;
  }
  if (events.length === 0) {
    io.stdout.write(suggested ? 'No passage names a date yet.\n' : 'No passage is dated yet (fieldbook timeline --suggested lists the dates found in passages).\n');
    return EXIT_OK;
  }
  io.stdout.write(
    formatTable(
      [{ header: 'DATE' }, { header: 'WHEN' }, { header: 'HIGHLIGHT', align: 'right' }, { header: 'PASSAGE' }, ...(suggested ? [{ header: 'STATE' }] : [])],
      events.map((event) => [
        event.date,
        formatEventDate(event.date),
        String(event.highlightId),
        truncate(event.quote.replace(/\s+/g, ' '), 60),
        ...(suggested ? [event.confirmed ? 'confirmed' : 'suggested'] : []),
      ]),
    ),
  );
  return EXIT_OK;
}
