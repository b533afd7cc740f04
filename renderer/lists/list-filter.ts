/*
 * Filtering a sidebar list by what is typed: every word typed must appear somewhere in the item's
 * text, in any order, ignoring case and accents ("sahel" finds "Sahél", "tombouctou" finds
 * "Tombouctou"), so a half-remembered title is enough. Scripts without case or accents (Arabic,
 * emoji) are compared as they are.
 */

/** Lower case without combining marks: the form both sides are compared in. */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The words of a filter, folded; none means "show everything". */
export function filterWords(query: string): string[] {
  return foldForFilter(query).split(/\s+/u).filter(Boolean);
}

export function matchesFilter(words: readonly string[], text: string): boolean {
  if (words.length === 0) return true;
  const folded = foldForFilter(text);
  return words.every((word) => folded.includes(word));
}

/** The items whose text holds every word of the query, in their order. */
export function filterItems<T>(items: readonly T[], query: string, textOf: (item: T) => string): readonly T[] {
  const words = filterWords(query);
  if (words.length === 0) return items;
  return items.filter((item) => matchesFilter(words, textOf(item)));
}
