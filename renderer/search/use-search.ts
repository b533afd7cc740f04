import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OpInput } from '../../main/common/contract';
import { api } from '../api/client';
import { opKey, OpFailure, unwrap } from '../data/op-queries';
import { IDLE, searchView, type Answer, type SearchState } from './latest-answer';

export type { SearchState } from './latest-answer';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;
/** A wait longer than a frame or two is one a person notices: from then on the dialog says it is searching. */
export const SLOW_ANSWER_MS = 40;

/**
 * Asks the core once typing pauses, through the window's query cache: an answer belongs to the
 * question it was asked for, so a late answer for text already changed never lands under the
 * newer text, and results on screen are read again when the library changes. Null asks nothing
 * (an empty box).
 */
export function useSearch(input: OpInput<'search.query'> | null): SearchState {
  const key = input ? JSON.stringify(input) : null;
  const [asked, setAsked] = useState<string | null>(null);
  const [slowKey, setSlowKey] = useState<string | null>(null);

  useEffect(() => {
    if (key === null) return;
    let slowTimer = 0;
    const timer = window.setTimeout(() => {
      setAsked(key);
      slowTimer = window.setTimeout(() => setSlowKey(key), SLOW_ANSWER_MS);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(slowTimer);
    };
  }, [key]);

  const question = asked === null ? null : (JSON.parse(asked) as OpInput<'search.query'>);
  const answer = useQuery({
    queryKey: opKey('search.query', question ?? { query: '' }),
    // Each answer carries the question it answers, so one still shown while the next is on its way says what it was for.
    queryFn: async () => ({ key: asked!, query: question!.query, results: await unwrap(api.call('search.query', question!)) }),
    enabled: key !== null && question !== null,
    placeholderData: keepPreviousData,
  });

  if (key === null) return IDLE;
  let shown: Answer | null = null;
  if (answer.data) shown = { ...answer.data, error: null };
  else if (answer.error instanceof OpFailure && asked !== null) shown = { key: asked, query: question!.query, results: null, error: answer.error.opError };
  return searchView(key, shown, slowKey === key);
}
