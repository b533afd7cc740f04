/**
 * The rules for a document's bibliographic details, shared by the core (which checks them at the
 * door and at import) and the page (which says what is wrong before anything is sent). Pure, like
 * everything in main/common/.
 */

/**
 * A date as a source gives it: a year, a month or a day ("2012", "2012-03", "2012-03-14"). Many
 * sources say only the year, and inventing "01-01" would put a false date in a bibliography.
 */
export const PARTIAL_DATE_RULE = 'a year, a month or a day: 2012, 2012-03 or 2012-03-14';

export function isPartialDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysIn(year, month);
}

/**
 * A range of publication dates reads in order when its first date does not come after its last;
 * a date within the other (2012 to 2012-03) is in order too.
 */
export function publishedInOrder(range: { publishedFrom?: string | undefined; publishedTo?: string | undefined }): boolean {
  return !range.publishedFrom || !range.publishedTo || range.publishedFrom <= range.publishedTo || range.publishedTo.startsWith(range.publishedFrom);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date part of what a page says of when it was published (often a full timestamp,
 * "2012-03-14T09:30:00+01:00"), as a partial date; null when it says nothing usable.
 */
export function partialDateFrom(text: string | null | undefined): string | null {
  const match = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(text ?? '');
  if (!match) return null;
  // A timestamp's date is kept whole; a date the page got wrong ("2012-13-40") keeps what holds.
  for (let candidate = match[1]!; candidate.length >= 4; candidate = candidate.slice(0, candidate.lastIndexOf('-'))) {
    if (isPartialDate(candidate)) return candidate;
    if (!candidate.includes('-')) break;
  }
  return null;
}

/** A BCP 47 language tag in its common shapes: "en", "fr-CA", "zh-Hant-TW", "es-419". */
export const LANGUAGE_RULE = 'a language tag such as en, fr or pt-BR';

export function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8}|-\d[A-Za-z0-9]{3})*$/.test(value);
}

/** The tag written as BCP 47 recommends: "EN-gb" is "en-GB", "zh-hant" is "zh-Hant". */
export function canonicalLanguageTag(value: string): string {
  return value
    .split('-')
    .map((part, index) =>
      index === 0 ? part.toLowerCase()
      : part.length === 2 ? part.toUpperCase()
      : part.length === 4 && /^[A-Za-z]+$/.test(part) ? part[0]!.toUpperCase() + part.slice(1).toLowerCase()
      : part.toLowerCase(),
    )
    .join('-');
}

/** A page's lang attribute as a tag, or null when it is not one ("en_US" is read as "en-US"). */
export function languageFrom(text: string | null | undefined): string | null {
  const tag = (text ?? '').trim().replace(/_/g, '-');
  return tag && isLanguageTag(tag) ? canonicalLanguageTag(tag) : null;
}

/**
 * The authors a byline names, in its order: "By Jane Doe and John Smith" is two. A byline is what
 * a page printed, so only the plain joins are split (commas, "and", "&", semicolons); the rest
 * stays as written for the person to correct. A lone "Doe, Jane" stays one name.
 */
export function authorsFromByline(byline: string | null | undefined): string[] {
  const text = (byline ?? '').replace(/\s+/g, ' ').trim().replace(/^(?:by|par|von|por|di|door)\s*:?\s+/i, '');
  if (!text) return [];
  if (/^[^,;&\s]+,\s*[^,;&\s]+(?:\s+\p{Lu}\.?)?$/u.test(text)) return [text];
  const names = text
    .split(/\s*[;,&]\s*|\s+(?:and|et|und|y|e)\s+/i)
    .map((name) => name.replace(/^(?:and|by)\s+/i, '').trim())
    .filter((name) => name.length > 0);
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()].slice(0, MAX_AUTHORS);
}

export const MAX_AUTHORS = 100;
export const MAX_TAGS = 100;
export const MAX_TAG_LENGTH = 100;
export const MAX_COLLECTION_NAME = 200;

/** A tag as typed: trimmed, a leading '#' dropped (as it would be written in Obsidian), inner spacing single. */
export function cleanTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().replace(/^#+/, '').trim();
}

/** Two tags are the same tag when they differ only in case, accents or spacing. */
export { nameKey as tagKey } from './fold-text';
