// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpInput, OpResult } from '../../main/common/contract';
import type { SearchResults } from '../../main/common/records';
import { SEARCH_DEBOUNCE_MS, SLOW_ANSWER_MS, useSearch, type SearchState } from './use-search';

/** The core's answers, released by the test in any order. */
const pending = new Map<string, (result: OpResult<SearchResults>) => void>();
vi.mock('../api/client', () => ({
  api: {
    call: (_name: string, input: OpInput<'search.query'>) => new Promise((resolve) => pending.set(input.query, resolve)),
  },
}));

const found = (title: string): OpResult<SearchResults> => ({
  ok: true,
  value: { documents: [{ id: 1, title, snippet: [], match: null, place: null }], highlights: [], notes: [], actors: [], themes: [], analyses: [] },
});

let root: Root;
let state: SearchState;
function Probe({ query, report }: { query: string; report: (state: SearchState) => void }) {
  const search = useSearch(query ? { query } : null);
  useEffect(() => {
    report(search);
  });
  return null;
}
let cache: QueryClient;
const type = (query: string) =>
  act(() =>
    root.render(
      <QueryClientProvider client={cache}>
        <Probe query={query} report={(s) => (state = s)} />
      </QueryClientProvider>,
    ),
  );
const answer = (query: string) =>
  act(async () => {
    pending.get(query)!(found(query));
    // The cache tells its observers on the next tick.
    await vi.advanceTimersByTimeAsync(0);
  });
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const shownTitle = () => state.results?.documents[0]?.title ?? null;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.useFakeTimers();
  pending.clear();
  cache = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

describe('searching as the query changes', () => {
  it('never shows an older query’s answer that comes back after the newer one', async () => {
    await type('con');
    await wait(SEARCH_DEBOUNCE_MS);
    await type('convoy');
    await wait(SEARCH_DEBOUNCE_MS);
    await answer('convoy');
    expect(shownTitle()).toBe('convoy');
    await answer('con');
    expect(shownTitle()).toBe('convoy');
    expect(state.pending).toBe(false);
  });

  it('never shows an older query’s answer that comes back first, nor any once the box is emptied', async () => {
    await type('con');
    await wait(SEARCH_DEBOUNCE_MS);
    await type('convoy');
    await wait(SEARCH_DEBOUNCE_MS);
    await answer('con');
    expect(shownTitle()).toBeNull();
    expect(state.pending).toBe(true);
    await type('');
    await answer('convoy');
    expect(state).toMatchObject({ results: null, pending: false, searching: false });
  });

  it('says it is searching once the answer takes longer than a frame or two, and shows no older results meanwhile', async () => {
    await type('con');
    await wait(SEARCH_DEBOUNCE_MS);
    await answer('con');
    expect(shownTitle()).toBe('con');

    await type('convoy');
    expect(state).toMatchObject({ pending: true, searching: false });
    expect(shownTitle()).toBe('con');
    await wait(SEARCH_DEBOUNCE_MS + SLOW_ANSWER_MS);
    expect(state).toMatchObject({ pending: true, searching: true, results: null });
    await answer('convoy');
    expect(state).toMatchObject({ pending: false, searching: false });
    expect(shownTitle()).toBe('convoy');
  });
});
