import { useEffect, useState } from 'react';
import type { OpError, OpInput, SearchResults } from '../../main/api';
import { api } from '../api/client';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;

interface Answer {
  key: string;
  query: string;
  results: SearchResults | null;
  error: OpError | null;
}

export interface SearchState {
  /** The results on screen: the last answer, kept while a newer question is on its way so the list never blanks. */
  results: SearchResults | null;
  /** The query those results answer, for "No results for …". */
  answeredQuery: string;
  error: OpError | null;
  /** A newer question than the results answer is on its way. */
  pending: boolean;
}

const IDLE: SearchState = { results: null, answeredQuery: '', error: null, pending: false };

/**
 * Asks the core once typing pauses. Every change cancels the question before it, so an answer
 * that comes back late for text already changed is never shown. Null asks nothing (an empty box).
 */
export function useSearch(input: OpInput<'search.query'> | null): SearchState {
  const key = input ? JSON.stringify(input) : null;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (key === null) return;
    const asked = JSON.parse(key) as OpInput<'search.query'>;
    let current = true;
    const timer = window.setTimeout(() => {
      void api.call('search.query', asked).then((result) => {
        if (!current) return;
        setAnswer(
          result.ok
            ? { key, query: asked.query, results: result.value, error: null }
            : { key, query: asked.query, results: null, error: result.error },
        );
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  if (key === null) return IDLE;
  if (!answer) return { ...IDLE, pending: true };
  const pending = answer.key !== key;
  // An error is about the question it answered; a newer question gets a fresh chance.
  return { results: answer.results, answeredQuery: answer.query, error: pending ? null : answer.error, pending };
}
