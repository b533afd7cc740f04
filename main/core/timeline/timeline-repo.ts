import type { Credibility, Reliability } from '../../common/admiralty';
import type { PassageFilter } from '../../common/network';
import {
  compareEvents,
  precisionOf,
  type DateSource,
  type HighlightDates,
  type Timeline,
  type TimelineActor,
  type TimelineEvent,
} from '../../common/timeline';
import { citePart } from '../../common/document-parts';
import { areaCaption } from '../../common/highlight-area';
import { passageScope, assertScopeExists, type Param } from '../analysis/passage-scope';
import { nowIso } from '../clock';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getHighlight, actorIdsOf } from '../highlights/highlight-repo';
import { distinctDates, findDates } from './find-dates';

/** A live passage in scope, with what its events show. */
interface PassageRow {
  id: number;
  document_id: number;
  document_title: string;
  published: string | null;
  quote: string;
  comment: string;
  reliability: Reliability | null;
  credibility: Credibility | null;
  /** An area's page (and its printed label), which its event shows in place of a quote. */
  area_page: number | null;
  area_page_label: string | null;
}
const PASSAGE_SELECT = `h.id, h.document_id, d.title AS document_title, d.published, h.quote_exact AS quote, h.comment,
  d.reliability, coalesce(h.credibility, d.credibility) AS credibility, h.area_page,
  (SELECT label FROM document_parts p WHERE p.document_id = h.document_id AND p.kind = 'page' AND p.ordinal = h.area_page - 1) AS area_page_label`;

/** What an event shows of its passage: its words, or an area's caption ("Area on p. 3"), since an area has none. */
const shownQuote = (row: PassageRow) =>
  row.area_page === null ? row.quote : areaCaption(citePart({ kind: 'page', label: row.area_page_label ?? String(row.area_page) }));

interface DateRow extends PassageRow {
  date: string;
  found: string;
}

/**
 * A date read from words always names a four-digit year, and one read against the publication
 * date never does ("last year", "in March", "20 years ago"): so the stored words say which it was.
 */
const isRelativeWording = (found: string) => found !== '' && !/\d{4}/.test(found);

function sourceOf(found: string, quote: string): DateSource {
  if (found === '') return 'hand';
  return quote.includes(found) ? 'quote' : 'comment';
}

function eventOf(row: PassageRow, date: string, found: string, confirmed: boolean, source: DateSource, relative: boolean, actorIds: number[]): TimelineEvent {
  return {
    highlightId: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    date,
    precision: precisionOf(date),
    confirmed,
    found,
    source,
    relative,
    quote: shownQuote(row),
    comment: row.comment,
    actorIds,
    reliability: row.reliability,
    credibility: row.credibility,
  };
}

/** The dates a passage's words and comment suggest, each once, the passage's own words first. */
function suggestedDates(row: PassageRow): Array<{ date: string; found: string; source: DateSource; relative: boolean }> {
  const fromQuote = findDates(row.quote, row.published).map((each) => ({ ...each, source: 'quote' as const }));
  const fromComment = findDates(row.comment, row.published).map((each) => ({ ...each, source: 'comment' as const }));
  return distinctDates<(typeof fromQuote)[number] | (typeof fromComment)[number]>([...fromQuote, ...fromComment]).map((each) => ({
    date: each.date,
    found: each.text,
    source: each.source,
    relative: each.relative,
  }));
}

/** What `where` takes in, as events and (when asked) suggestions still to decide. */
function collect(library: Library, where: { sql: string; params: Param[] }, withSuggestions: boolean): { events: TimelineEvent[]; suggestions: TimelineEvent[] } {
  const dated = prepare<Param[], DateRow & { status: 'confirmed' | 'dismissed' }>(
    library.db,
    `SELECT ${PASSAGE_SELECT}, hd.date, hd.found, hd.status
     FROM highlight_dates hd JOIN highlights h ON h.id = hd.highlight_id JOIN documents d ON d.id = h.document_id
     WHERE ${where.sql}`,
  ).all(...where.params);
  const passages = withSuggestions
    ? prepare<Param[], PassageRow>(library.db, `SELECT ${PASSAGE_SELECT} FROM highlights h JOIN documents d ON d.id = h.document_id WHERE ${where.sql}`).all(
        ...where.params,
      )
    : [];
  const decided = new Set(dated.map((row) => `${row.id} ${row.date}`));
  const pending = passages.flatMap((row) =>
    suggestedDates(row)
      .filter((each) => !decided.has(`${row.id} ${each.date}`))
      .map((each) => ({ row, ...each })),
  );
  const confirmed = dated.filter((row) => row.status === 'confirmed');
  const actors = actorIdsOf(library, [...new Set([...confirmed.map((row) => row.id), ...pending.map((each) => each.row.id)])]);
  const events = confirmed
    .map((row) => eventOf(row, row.date, row.found, true, sourceOf(row.found, row.quote), isRelativeWording(row.found), actors.get(row.id) ?? []))
    .sort(compareEvents);
  const suggestions = pending
    .map((each) => eventOf(each.row, each.date, each.found, false, each.source, each.relative, actors.get(each.row.id) ?? []))
    .sort(compareEvents);
  return { events, suggestions };
}

/**
 * The timeline of the live passages a filter takes in (the network's narrowing: document,
 * collection, publication dates, grades), earliest first, with the actors its events name.
 */
export function timeline(library: Library, filter: PassageFilter = {}, options: { suggestions?: boolean } = {}): Timeline {
  assertScopeExists(library, filter);
  const scope = passageScope(filter);
  const { events, suggestions } = collect(library, { sql: scope.where, params: scope.params }, options.suggestions ?? true);
  const actorIds = [...new Set([...events, ...suggestions].flatMap((event) => event.actorIds))];
  const actors = prepare<[string], TimelineActor>(
    library.db,
    'SELECT id, name, colour FROM actors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE, id',
  ).all(JSON.stringify(actorIds));
  return { events, suggestions, actors };
}

/** One passage's confirmed dates and the suggestions still to decide, for its card. */
export function highlightDates(library: Library, highlightId: number): HighlightDates {
  getHighlight(library, highlightId);
  return { highlightId, ...collect(library, { sql: 'h.id = ? AND h.deleted_at IS NULL', params: [highlightId] }, true) };
}

function decide(library: Library, highlightId: number, date: string, status: 'confirmed' | 'dismissed', found: string): void {
  const now = nowIso();
  prepare<[number, string, string, string, string, string]>(
    library.db,
    `INSERT INTO highlight_dates (highlight_id, date, status, found, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (highlight_id, date) DO UPDATE SET status = excluded.status, found = excluded.found, updated_at = excluded.updated_at
     WHERE status IS NOT excluded.status OR found IS NOT excluded.found`,
  ).run(highlightId, date, status, found, now, now);
}

/**
 * Makes the passage an event on `date`: a suggestion confirmed, a date given by hand, or (with
 * `replacing`) a suggestion corrected, whose wrong date is then dismissed so it does not return.
 * `found` is the words the date was read from; empty for a date given by hand.
 */
export function confirmDate(library: Library, input: { highlightId: number; date: string; found?: string | undefined; replacing?: string | undefined }): HighlightDates {
  getHighlight(library, input.highlightId);
  if (input.replacing !== undefined && input.replacing !== input.date) decide(library, input.highlightId, input.replacing, 'dismissed', input.found ?? '');
  decide(library, input.highlightId, input.date, 'confirmed', input.found ?? '');
  return highlightDates(library, input.highlightId);
}

/** Sets a suggestion aside, or takes a confirmed date off the timeline; either way it is not suggested again. */
export function dismissDate(library: Library, highlightId: number, date: string): HighlightDates {
  getHighlight(library, highlightId);
  const found = prepare<[number, string], { found: string }>(library.db, 'SELECT found FROM highlight_dates WHERE highlight_id = ? AND date = ?').get(highlightId, date)?.found;
  decide(library, highlightId, date, 'dismissed', found ?? suggestedWording(library, highlightId, date));
  return highlightDates(library, highlightId);
}

function suggestedWording(library: Library, highlightId: number, date: string): string {
  const row = prepare<[number], PassageRow>(library.db, `SELECT ${PASSAGE_SELECT} FROM highlights h JOIN documents d ON d.id = h.document_id WHERE h.id = ?`).get(highlightId);
  return (row && suggestedDates(row).find((each) => each.date === date)?.found) ?? '';
}
