import { isEventDate } from '../../common/timeline';
import { isPartialDate } from '../../common/document-details';

/**
 * Dates written in a passage, in English or French, as suggestions a person then confirms,
 * corrects or dismisses: nothing found here is an event until someone says so. So the readers
 * below prefer to miss a date over reading a count ("300 fighters", "2,000 people") or a
 * reference ("page 2012", "ISBN 978…") as one.
 *
 * Relative dates ("last year", "in March", "hier") are read against the document's publication
 * date and only when it has one precise enough: "last month" needs a month, "yesterday" a day.
 */
export interface FoundDate {
  /** As an event's date: "2012-01-12", "2012-01", "2012", "2012-01/2012-03". */
  date: string;
  /** The words it was read from, as written. */
  text: string;
  /** Where those words start in the text. */
  index: number;
  /** Read against the publication date rather than from the words alone. */
  relative: boolean;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ENGLISH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept|Sep', 'Oct', 'Nov', 'Dec'];
const FRENCH_MONTHS = ['janvier', 'février|fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre'];

/** French month names are written in lower case, but open a sentence or a heading too. */
const either = (name: string) => `[${name[0]!.toUpperCase()}${name[0]}]${name.slice(1)}`;

/** Month names, longest alternatives first so "Sept." is not read as "Sep" and a dot. */
const MONTH_WORDS: Array<{ pattern: string; month: number; full: boolean }> = [
  ...ENGLISH_MONTHS.map((name, i) => ({ pattern: name, month: i + 1, full: true })),
  ...FRENCH_MONTHS.flatMap((names, i) => names.split('|').map((name) => ({ pattern: either(name), month: i + 1, full: true }))),
  // Abbreviations only with a day or year beside them: "Mar" or "Dec" alone are too often something else.
  ...ENGLISH_SHORT.flatMap((names, i) => names.split('|').map((name) => ({ pattern: `${name}\\.?`, month: i + 1, full: false }))),
];

const ANY_MONTH = `(?:${MONTH_WORDS.map((m) => m.pattern).join('|')})`;
/** Full names only: a bare "in Mar" is not read as a month. */
const FULL_MONTH = `(?:${MONTH_WORDS.filter((m) => m.full).map((m) => m.pattern).join('|')})`;

const monthMatchers = MONTH_WORDS.map((m) => ({ re: new RegExp(`^(?:${m.pattern})$`, 'u'), month: m.month }));
function monthOf(word: string): number {
  const found = monthMatchers.find((m) => m.re.test(word));
  if (!found) throw new Error(`Not a month: ${word}`);
  return found.month;
}

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A year a modern source means as a date; a bare number outside this is far more often a count. */
const YEAR = '(1[89]\\d\\d|20\\d\\d)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er)?';

/** Things counted: a year-like number just before one of these is a number ("1500 fighters"). */
const COUNTED =
  /^\s+(?:fighters|troops|soldiers|men|women|people|persons|members|militants|hostages|refugees|dead|deaths|killed|casualties|victims|votes|words|pages|copies|cases|km|kilometres|kilometers|miles|metres|meters|feet|tonnes|tons|kg|dollars|euros|francs|pounds|units|vehicles|combattants|soldats|hommes|femmes|personnes|morts|victimes|habitants|otages|membres|voix|mots|kilomètres|mètres|tonnes)(?![\p{L}])/iu;
/** References: a year-like number after one of these is a page, an issue or an identifier ("page 2012"). */
const REFERENCE = /(?:\bpages?|\bp\.|\bpp\.|\bno\.|\bnumber|\bnuméro|\bn°|#|\bISBN|\bISSN|\bversion|\bv\.?|\broom|\bflight|\bvol\.|\bart\.|\barticle|\bchapter|\bchapitre|[$€£¥])\s*$/iu;

function counted(text: string, end: number): boolean {
  // "2,012" and "2012.5" and "2012%" are numbers whatever follows.
  return COUNTED.test(text.slice(end, end + 40)) || /^(?:[.,]\d|\s*%)/u.test(text.slice(end, end + 3));
}
function referenced(text: string, start: number): boolean {
  return REFERENCE.test(text.slice(Math.max(0, start - 20), start)) || /\d[.,]$/u.test(text.slice(Math.max(0, start - 2), start));
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayDate = (year: number | string, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const monthDate = (year: number | string, month: number) => `${year}-${pad(month)}`;

/** The publication date's parts, as far as it gives them. */
interface Anchor {
  year: number;
  month: number | null;
  day: number | null;
}
function anchorOf(published: string | null): Anchor | null {
  if (published === null || !isPartialDate(published)) return null;
  const [year, month, day] = published.split('-').map(Number);
  return { year: year!, month: month ?? null, day: day ?? null };
}

/**
 * A month or a day named without a year ("in August", "mardi 5 mai") is taken in the publication's
 * year, or the year before when that would put it after publication: a report mostly tells what
 * has already happened.
 */
function yearFor(anchor: Anchor, month: number, day = 1): number {
  if (anchor.month === null) return anchor.year;
  const later = month > anchor.month || (month === anchor.month && anchor.day !== null && day > anchor.day);
  return later ? anchor.year - 1 : anchor.year;
}

function shiftDay(anchor: Anchor, by: number): string | null {
  if (anchor.month === null || anchor.day === null) return null;
  const day = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day + by));
  return dayDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20,
  un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10, vingt: 20,
};
const countOf = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word);

type Reader = {
  re: RegExp;
  /** The date the match stands for, or null to let the words be. */
  read: (m: RegExpExecArray, text: string, anchor: Anchor | null) => string | null;
  relative?: boolean;
};

const range = (from: string | null, to: string | null) => {
  if (from === null || to === null) return null;
  const date = `${from}/${to}`;
  return isEventDate(date) ? date : null;
};
const yearRangeEnd = (from: string, to: string) => (to.length === 2 ? `${from.slice(0, 2)}${to}` : to);
const validDay = (date: string) => (isPartialDate(date) ? date : null);

/** Tried in this order; words taken by one reader are not read again by a later one. */
const READERS: Reader[] = [
  // ISO days, as in citations: "Retrieved 2012-08-21".
  { re: new RegExp(`${START}${YEAR}-(\\d{2})-(\\d{2})${END}`, 'gu'), read: (m) => validDay(`${m[1]}-${m[2]}-${m[3]}`) },
  // "from January to March 2012", "between January and March 2012", "janvier–mars 2012".
  {
    re: new RegExp(`${START}(?:(?:[Bb]etween|[Ff]rom|[Ee]ntre|[Dd]e|[Dd]u)\\s+)?(${ANY_MONTH})\\s*(?:–|—|-|\\s+(?:to|and|until|through|à|et|au)\\s+)(${ANY_MONTH}),?\\s+${YEAR}${END}`, 'gu'),
    read: (m) => range(monthDate(m[3]!, monthOf(m[1]!)), monthDate(m[3]!, monthOf(m[2]!))),
  },
  // "between 2008 and 2012", "from March 2011 to May 2012", "de 2008 à 2012".
  {
    re: new RegExp(
      `${START}(?:[Bb]etween|[Ff]rom|[Ee]ntre|[Dd]e|[Dd]epuis)\\s+(?:(${ANY_MONTH})\\s+)?${YEAR}\\s+(?:and|to|until|through|et|à|jusqu’en|jusqu'en)\\s+(?:(${ANY_MONTH})\\s+)?${YEAR}${END}`,
      'gu',
    ),
    read: (m) =>
      range(m[1] ? monthDate(m[2]!, monthOf(m[1])) : m[2]!, m[3] ? monthDate(m[4]!, monthOf(m[3])) : m[4]!),
  },
  // "2008–2012", "2011-12" (a span of years, en dash or hyphen; the second year after the first).
  {
    // A hyphen with two digits ("2011-12") is an ISO month as often as a span, so only a dash may shorten.
    re: new RegExp(`${START}${YEAR}(?:\\s?[–—]\\s?(\\d{4}|\\d{2})|-(\\d{4}))${END}`, 'gu'),
    read: (m, text) => (counted(text, m.index + m[0].length) ? null : range(m[1]!, yearRangeEnd(m[1]!, m[2] ?? m[3]!))),
  },
  // "12 January 2012", "12th of January, 2012", "le 6 avril 2012", "1er mai 2012".
  {
    re: new RegExp(`${START}${DAY}\\s+(?:of\\s+)?(${ANY_MONTH}),?\\s+${YEAR}${END}`, 'gu'),
    read: (m) => validDay(dayDate(m[3]!, monthOf(m[2]!), Number(m[1]))),
  },
  // "January 12, 2012", "March 24 2014".
  {
    re: new RegExp(`${START}(${ANY_MONTH})\\s+${DAY},?\\s+${YEAR}${END}`, 'gu'),
    read: (m) => validDay(dayDate(m[3]!, monthOf(m[1]!), Number(m[2]))),
  },
  // "January 2012", "Jan. 2012", "March of 2015", "avril 2012".
  { re: new RegExp(`${START}(${ANY_MONTH}),?\\s+(?:of\\s+)?${YEAR}${END}`, 'gu'), read: (m) => monthDate(m[2]!, monthOf(m[1]!)) },
  // "the 1990s", "les années 1990": a decade.
  {
    re: new RegExp(`${START}(1[89]\\d0|20\\d0)[’']?s${END}|${START}années\\s+(1[89]\\d0|20\\d0)${END}`, 'gu'),
    read: (m) => {
      const decade = Number(m[1] ?? m[2]);
      return `${decade}/${decade + 9}`;
    },
  },
  // A year alone, unless it counts something or refers to a page.
  {
    re: new RegExp(`${START}${YEAR}${END}`, 'gu'),
    read: (m, text) => (counted(text, m.index + m[0].length) || referenced(text, m.index) ? null : m[1]!),
  },
  // Relative to publication: "12 March", "mardi 5 mai", "March 25" without a year.
  {
    re: new RegExp(`${START}${DAY}\\s+(?:of\\s+)?(${FULL_MONTH})${END}(?!,?\\s+\\d)`, 'gu'),
    read: (m, _text, anchor) => {
      if (!anchor) return null;
      const month = monthOf(m[2]!);
      return validDay(dayDate(yearFor(anchor, month, Number(m[1])), month, Number(m[1])));
    },
    relative: true,
  },
  {
    re: new RegExp(`${START}(${FULL_MONTH})\\s+${DAY}${END}(?!,?\\s+\\d)`, 'gu'),
    read: (m, _text, anchor) => {
      if (!anchor) return null;
      const month = monthOf(m[1]!);
      return validDay(dayDate(yearFor(anchor, month, Number(m[2])), month, Number(m[2])));
    },
    relative: true,
  },
  // "in March", "since August", "en mars", "début avril": a month named with a word of time before it.
  {
    re: new RegExp(`${START}(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]n|[Dd]epuis|[Dd]ébut|[Ff]in|[Mm]i-)\\s*(${FULL_MONTH})${END}`, 'gu'),
    read: (m, _text, anchor) => {
      if (!anchor) return null;
      const month = monthOf(m[1]!);
      return monthDate(yearFor(anchor, month), month);
    },
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:last year|the previous year|the year before|l[’']année dernière|l[’']an dernier|l[’']année passée|l[’']année précédente)${END}`, 'giu'),
    read: (_m, _text, anchor) => (anchor ? String(anchor.year - 1) : null),
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:this year|cette année)${END}`, 'giu'),
    read: (_m, _text, anchor) => (anchor ? String(anchor.year) : null),
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:next year|l[’']année prochaine|l[’']an prochain)${END}`, 'giu'),
    read: (_m, _text, anchor) => (anchor ? String(anchor.year + 1) : null),
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\\s+years?\\s+ago|il\\s+y\\s+a\\s+(\\d{1,3}|un|deux|trois|quatre|cinq|dix|vingt)\\s+ans?)${END}`, 'giu'),
    read: (m, _text, anchor) => (anchor ? String(anchor.year - countOf(m[1] ?? m[2]!)) : null),
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:last month|the previous month|le mois dernier|le mois précédent)${END}`, 'giu'),
    read: (_m, _text, anchor) => {
      if (!anchor || anchor.month === null) return null;
      return anchor.month === 1 ? monthDate(anchor.year - 1, 12) : monthDate(anchor.year, anchor.month - 1);
    },
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:yesterday|hier)${END}`, 'giu'),
    read: (_m, _text, anchor) => (anchor ? shiftDay(anchor, -1) : null),
    relative: true,
  },
  {
    re: new RegExp(`${START}(?:today|aujourd[’']hui)${END}`, 'giu'),
    read: (_m, _text, anchor) => (anchor ? shiftDay(anchor, 0) : null),
    relative: true,
  },
];

/**
 * Every date the text names, in reading order; one date for each stretch of words (a range is
 * one date, not its two ends). The same date named twice is found twice, at each place.
 */
export function findDates(text: string, published: string | null = null): FoundDate[] {
  const anchor = anchorOf(published);
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const found: FoundDate[] = [];
  for (const reader of READERS) {
    if (reader.relative && !anchor) continue;
    reader.re.lastIndex = 0;
    for (let m = reader.re.exec(text); m !== null; m = reader.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const date = reader.read(m, text, anchor);
      if (date === null) continue;
      taken.push([start, end]);
      found.push({ date, text: m[0], index: start, relative: reader.relative === true });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Each date once, at its first mention: what a passage suggests. */
export function distinctDates<T extends FoundDate>(found: readonly T[]): T[] {
  const seen = new Set<string>();
  return found.filter((each) => !seen.has(each.date) && (seen.add(each.date), true));
}
