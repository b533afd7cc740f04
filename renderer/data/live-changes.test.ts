import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryChange } from '../../main/common/changes';

let hear: (change: LibraryChange) => void = () => {};
let connect: () => void = () => {};
vi.mock('../api/client', () => ({
  api: {
    onChange: (listener: (change: LibraryChange) => void, connected: () => void) => {
      hear = listener;
      connect = connected;
      return () => {};
    },
  },
}));

const { keepAnswersLive } = await import('./live-changes');

/** A read whose answer the test hands over when it chooses: the library's state as of when it was read. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Fourteen pages imported in one call, after the bundled article (document 1). */
const IMPORTED_IDS = Array.from({ length: 14 }, (_, i) => i + 2);
const IMPORTED: LibraryChange = { seq: 15, changed: { document: IMPORTED_IDS } };
const titles = (ids: number[]) => ['bundled article', ...ids.map((id) => `hostile page ${id}`)];

describe('answers kept live by the change feed', () => {
  it('reads the library again when a write lands while its first answer is still on its way', async () => {
    // The app has just started and an import finishes while the library's first list is being read:
    // that read may have been taken before the import's last document was committed.
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    keepAnswersLive(client);
    const readBeforeCommit = deferred<string[]>();
    const reads = [() => readBeforeCommit.promise, () => Promise.resolve(titles(IMPORTED_IDS))];
    const observer = new QueryObserver(client, { queryKey: ['documents.list', {}], queryFn: () => reads.shift()!() });
    const shown: (string[] | undefined)[] = [];
    observer.subscribe((result) => shown.push(result.data));

    hear(IMPORTED);
    // Read when 13 of the 14 were committed.
    readBeforeCommit.resolve(titles(IMPORTED_IDS.slice(0, 13)));

    await vi.waitFor(() => expect(shown.at(-1)).toEqual(titles(IMPORTED_IDS)));
    expect(reads).toEqual([]);
  });

  it('marks a first read nobody shows as stale once it is in, so the next ask reads the library again', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    keepAnswersLive(client);
    const readBeforeCommit = deferred<string[]>();
    const notes = { queryKey: ['notes.list', {}] };
    // Asked for by code outside the components (the notes store, say), not shown by any.
    const first = client.fetchQuery({ ...notes, queryFn: () => readBeforeCommit.promise });

    hear({ seq: 3, changed: { note: [2] } });
    readBeforeCommit.resolve(['older note']);

    await expect(first).resolves.toEqual(['older note']);
    await vi.waitFor(() => expect(client.getQueryState(notes.queryKey)?.isInvalidated).toBe(true));
    await expect(client.fetchQuery({ ...notes, queryFn: () => Promise.resolve(['older note', 'new note']) })).resolves.toEqual(['older note', 'new note']);
  });

  it('reads again once when a write lands after the answer was shown', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    keepAnswersLive(client);
    let asked = 0;
    const observer = new QueryObserver(client, { queryKey: ['documents.list', {}], queryFn: () => Promise.resolve(++asked) });
    const shown: (number | undefined)[] = [];
    observer.subscribe((result) => shown.push(result.data));
    await vi.waitFor(() => expect(shown.at(-1)).toBe(1));

    hear(IMPORTED);

    await vi.waitFor(() => expect(shown.at(-1)).toBe(2));
    expect(asked).toBe(2);
  });

  it('does not read a first answer twice because the change stream connected while it was on its way', async () => {
    // The stream connects as the app starts: every first read would otherwise be made twice.
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    keepAnswersLive(client);
    const firstRead = deferred<string[]>();
    let asked = 0;
    const observer = new QueryObserver(client, { queryKey: ['documents.list', {}], queryFn: () => (++asked === 1 ? firstRead.promise : Promise.resolve(['again'])) });
    const shown: (string[] | undefined)[] = [];
    observer.subscribe((result) => shown.push(result.data));

    connect();
    firstRead.resolve(['bundled article']);

    await vi.waitFor(() => expect(shown.at(-1)).toEqual(['bundled article']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBe(1);
  });
});
