import { useEffect, useMemo, useState } from 'react';
import type { OpInput, OpResult } from '../../main/common/contract';
import type { SearchResults } from '../../main/common/records';
import { api } from '../api/client';
import { IDLE, LatestAnswer, searchView, type Answer, type SearchState } from './latest-answer';

export type { SearchState } from './latest-answer';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;
/** A wait longer than a frame or two is one a person notices: from then on the dialog says it is searching. */
export const SLOW_ANSWER_MS = 40;

/**
 * Asks the core once typing pauses. Only the answer to the latest question is shown: a late
 * answer for text already changed is dropped. Null asks nothing (an empty box).
 */
export function useSearch(input: OpInput<'search.query'> | null): SearchState {
  const key = input ? JSON.stringify(input) : null;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [slowKey, setSlowKey] = useState<string | null>(null);
  const latest = useMemo(
    () =>
      new LatestAnswer<{ key: string; input: OpInput<'search.query'> }, OpResult<SearchResults>>(
        ({ input: asked }) => api.call('search.query', asked),
        ({ key: asked, input: { query } }, result) =>
          setAnswer(result.ok ? { key: asked, query, results: result.value, error: null } : { key: asked, query, results: null, error: result.error }),
      ),
    [],
  );

  useEffect(() => {
    latest.cancel();
    if (key === null) return;
    const asked = JSON.parse(key) as OpInput<'search.query'>;
    let slowTimer = 0;
    const timer = window.setTimeout(() => {
      latest.question({ key, input: asked });
      slowTimer = window.setTimeout(() => setSlowKey(key), SLOW_ANSWER_MS);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(slowTimer);
    };
  }, [key, latest]);

  if (key === null) return IDLE;
  return searchView(key, answer, slowKey === key);
}
