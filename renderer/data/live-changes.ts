import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { isAffected, refreshedOnReconnect } from './op-dependencies';

/**
 * Keeps every cached answer true: each change committed to the library (by this window, another
 * one, or the command line) marks the answers it can alter as stale, and those on screen are
 * read again at once. Returns a function that stops listening.
 */
export function keepAnswersLive(client: QueryClient): () => void {
  return api.onChange(
    (change) =>
      void client.invalidateQueries({
        predicate: ({ queryKey: [name, input] }) => isAffected(String(name), input, change),
      }),
    () =>
      void client.invalidateQueries({
        predicate: ({ queryKey: [name] }) => refreshedOnReconnect(String(name)),
      }),
  );
}
