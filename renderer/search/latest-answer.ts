import type { OpError } from '../../main/common/contract';
import type { SearchResults } from '../../main/common/records';

export interface Answer {
  key: string;
  query: string;
  results: SearchResults | null;
  error: OpError | null;
}

export interface SearchState {
  /** Results for the query in the box or, for a moment while its answer is on its way, the one before (marked pending). */
  results: SearchResults | null;
  /** The query those results answer, for "No results for …". */
  answeredQuery: string;
  error: OpError | null;
  /** A newer question than the results answer is on its way. */
  pending: boolean;
  /** The answer has taken longer than a frame or two: say so, and show no older results meanwhile. */
  searching: boolean;
}

export const IDLE: SearchState = { results: null, answeredQuery: '', error: null, pending: false, searching: false };

/**
 * What the dialog shows for the query now in the box (`key`, null when empty). The last answer
 * stays up while the next is only a moment away, so typing doesn't flash the list blank at every
 * key; once the wait is long enough to notice (`slow`), the older results give way to "Searching…".
 */
export function searchView(key: string | null, answer: Answer | null, slow: boolean): SearchState {
  if (key === null) return IDLE;
  if (answer?.key === key) return { results: answer.results, answeredQuery: answer.query, error: answer.error, pending: false, searching: false };
  if (slow || !answer) return { ...IDLE, pending: true, searching: slow };
  // An error is about the question it answered; a newer question gets a fresh chance.
  return { results: answer.results, answeredQuery: answer.query, error: null, pending: true, searching: false };
}
