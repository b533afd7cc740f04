import type { Query, QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { isAffected, refreshedOnReconnect } from './op-dependencies';

/**
 * Keeps every cached answer true: each change committed to the library (by this window, another
 * one, or the command line) marks the answers it can alter as stale, and those on screen are
 * read again at once. Returns a function that stops listening.
 */
export function keepAnswersLive(client: QueryClient): () => void {
  return api.onChange(
    (change) => void readAgain(client, ({ queryKey: [name, input] }) => isAffected(String(name), input, change)),
    // A plain refresh: the stream first connects as the app starts, while its first reads are on
    // their way, and reading each of them twice would double the start's work for a rare case.
    () => void client.invalidateQueries({ predicate: ({ queryKey: [name] }) => refreshedOnReconnect(String(name)) }),
  );
}

/**
 * Marks the answers stale and reads those on screen again. A refresh drops a read already on its
 * way, except a query's first one: react-query hands that read's answer back instead of asking
 * again, and it may have been read before the write committed (a list asked for as the app
 * starts, answered while an import runs), which would leave it stale until the next change. So
 * such a first read is let in, and then marked stale again: read at once if on screen, else the
 * next time it is asked for.
 */
async function readAgain(client: QueryClient, affected: (query: Query) => boolean): Promise<void> {
  const firstReads = client.getQueryCache().findAll({ predicate: (query) => affected(query) && query.state.data === undefined && query.state.fetchStatus === 'fetching' });
  await client.invalidateQueries({ predicate: affected });
  await Promise.all(
    firstReads.map(async (query) => {
      // Hands back the read on its way; the refresh above waited only for those on screen.
      if (query.state.fetchStatus === 'fetching') await query.fetch().catch(() => undefined);
      await client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }),
  );
}
