import type { NetworkFilter } from '../../common/network';
import type { Param } from './passage-scope';

/** The filter's actor kinds as SQL over `column`; an empty list takes in no actor at all. */
export function kindCondition(column: string, filter: NetworkFilter): { sql: string; params: Param[] } {
  if (filter.kinds === undefined) return { sql: '1', params: [] };
  if (filter.kinds.length === 0) return { sql: '0', params: [] };
  return { sql: `${column} IN (${filter.kinds.map(() => '?').join(', ')})`, params: [...filter.kinds] };
}
