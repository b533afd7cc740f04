import type { GradeFilter } from '../../common/admiralty';

/**
 * The grade filter as SQL over `h` (highlights) and `d` (their documents), shared by All
 * highlights, the network and the co-occurrence matrix so "B2" means the same passages in each.
 * An empty list takes in nothing, as an empty list of actor kinds does.
 */
export function gradeConditions(filter: GradeFilter): Array<{ sql: string; params: Array<string | number> }> {
  const conditions: Array<{ sql: string; params: Array<string | number> }> = [];
  if (filter.reliability !== undefined) conditions.push(oneOf('d.reliability', filter.reliability));
  if (filter.credibility !== undefined) conditions.push(oneOf('coalesce(h.credibility, d.credibility)', filter.credibility));
  return conditions;
}

/** `column` is one of the code's own expressions above, never a caller's text. */
function oneOf<T extends string | number>(column: string, values: ReadonlyArray<T | null>): { sql: string; params: T[] } {
  const given = values.filter((value): value is T => value !== null);
  const alternatives = [
    ...(given.length > 0 ? [`${column} IN (${given.map(() => '?').join(', ')})`] : []),
    ...(values.includes(null) ? [`${column} IS NULL`] : []),
  ];
  return { sql: alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '0', params: given };
}
