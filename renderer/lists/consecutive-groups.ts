/**
 * Items grouped by runs of the same key, in the order given: the core lists passages by document
 * then reading order, so each document's run becomes one group under its title.
 */
export function consecutiveGroups<T, K>(items: readonly T[], keyOf: (item: T) => K): Array<{ key: K; first: T; items: T[] }> {
  const groups: Array<{ key: K; first: T; items: T[] }> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, first: item, items: [item] });
  }
  return groups;
}
