import type { Credibility, Reliability } from './admiralty';
import { isPartialDate } from './document-details';

/**
 * The timeline (issue #17): an event is a passage with a date. A date is written as the command
 * line prints it and the archive keeps it, one string whose shape is its precision: "2012-01-12"
 * (a day), "2012-01" (a month), "2012" (a year), "2012-01/2012-03" (a range between two of
 * these). A source that says "in 2012" must not be made to say "1 January 2012", so a date is
 * never filled out to a day it did not give. Pure, shared by the core, the command line and the page.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'range'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const EVENT_DATE_RULE = 'An event’s date is a day, a month, a year or a range: 2012-01-12, 2012-01, 2012 or 2012-01/2012-03.';

/** The longest date string: two days and the slash. */
export const MAX_EVENT_DATE = 21;

export function isEventDate(value: string): boolean {
  const parts = value.split('/');
  if (parts.length === 1) return isPartialDate(value);
  if (parts.length !== 2) return false;
  const [from, to] = parts as [string, string];
  return isPartialDate(from) && isPartialDate(to) && firstDay(from) <= lastDay(to) && from !== to;
}

export function precisionOf(date: string): DatePrecision {
  if (date.includes('/')) return 'range';
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** A date as a precision and one or two partial dates, as the hand-dating form builds it. */
export function composeEventDate(precision: DatePrecision, from: string, to = ''): string {
  return precision === 'range' ? `${from}/${to}` : from;
}

/** The first day a partial date covers, "2012-03" → "2012-03-01". */
export function firstDay(date: string): string {
  const from = date.split('/')[0]!;
  return from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
}

/** The last day a partial date (or a range's end) covers, "2012-02" → "2012-02-29". */
export function lastDay(date: string): string {
  const to = date.split('/').at(-1)!;
  if (to.length === 4) return `${to}-12-31`;
  if (to.length === 7) {
    const days = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
    return `${to}-${String(days).padStart(2, '0')}`;
  }
  return to;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a full ISO day. */
export const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/** The span a date covers, in whole days, end inclusive: where it sits on an axis. */
export function dateSpan(date: string): { from: number; to: number } {
  return { from: dayNumber(firstDay(date)), to: dayNumber(lastDay(date)) };
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function spoken(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year!;
  const name = MONTH_NAMES[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** In words, for people: "12 January 2012", "January 2012", "2012", "January 2012 – March 2012". */
export function formatEventDate(date: string): string {
  const [from, to] = date.split('/');
  return to === undefined ? spoken(from!) : `${spoken(from!)} – ${spoken(to)}`;
}

/** Where a date was read from: the passage, its comment, or a person's hand. */
export type DateSource = 'quote' | 'comment' | 'hand';

/** A dated passage, or a date found in one and not yet confirmed (a suggestion). */
export interface TimelineEvent {
  highlightId: number;
  documentId: number;
  documentTitle: string;
  date: string;
  precision: DatePrecision;
  confirmed: boolean;
  /** The words the date was read from ("in January 2012"); empty for a date given by hand. */
  found: string;
  source: DateSource;
  /** Read relative to the document's publication date ("last year"). */
  relative: boolean;
  quote: string;
  comment: string;
  actorIds: number[];
  /** The passage's grade: its document's reliability and its own credibility, else its document's. */
  reliability: Reliability | null;
  credibility: Credibility | null;
}

export interface TimelineActor {
  id: number;
  name: string;
  colour: string;
}

/** The events in a filter's scope, earliest first, with the suggestions still to decide and the actors they name. */
export interface Timeline {
  events: TimelineEvent[];
  suggestions: TimelineEvent[];
  actors: TimelineActor[];
}

/** One passage's dates: those confirmed (its events), and those suggested from its words. */
export interface HighlightDates {
  highlightId: number;
  events: TimelineEvent[];
  suggestions: TimelineEvent[];
}

/** Earliest first; a wider date before a narrower one starting the same day, then by passage. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const sa = firstDay(a.date);
  const sb = firstDay(b.date);
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ea = lastDay(a.date);
  const eb = lastDay(b.date);
  if (ea !== eb) return ea > eb ? -1 : 1;
  return a.highlightId - b.highlightId || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
}
