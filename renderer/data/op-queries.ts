import { QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import type { OpError, OpInput, OpName, OpOutputs, OpResult } from '../../main/common/contract';
import { api } from '../api/client';

/**
 * The window's one cache of answers, keyed by operation and input. Answers stay fresh until a
 * change says otherwise (see live-changes.ts): nothing is refetched on a timer, on focus or on
 * reconnect, and a failed call is shown, not silently retried.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/** An OpError carried through the cache, which wants thrown errors. */
export class OpFailure extends Error {
  constructor(readonly opError: OpError) {
    super(opError.message);
  }
}

export function opKey<N extends OpName>(name: N, input: OpInput<N>): QueryKey {
  return [name, input];
}

export async function unwrap<T>(result: Promise<OpResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new OpFailure(answer.error);
  return answer.value;
}

export interface OpQuery<T> {
  /** The newest answer; a failed refresh keeps the last one, with `error` saying why. */
  data: T | undefined;
  error: OpError | null;
  /** True while the answer being asked for has not arrived (a refresh of one shown is not loading). */
  loading: boolean;
  refetch(): void;
}

interface Options<T> {
  enabled?: boolean;
  /** An answer to use instead of calling the operation, when there is one (read early while the page loaded, say). */
  read?: () => Promise<OpResult<T>> | null | undefined;
  /** Answers not in use are dropped at once instead of kept for a return visit. */
  forgetWhenUnused?: boolean;
}

export function useOp<N extends OpName>(name: N, input: OpInput<N>, options: Options<OpOutputs[N]> = {}): OpQuery<OpOutputs[N]> {
  const query = useQuery({
    queryKey: opKey(name, input),
    queryFn: () => unwrap(options.read?.() ?? api.call(name, input)),
    enabled: options.enabled ?? true,
    ...(options.forgetWhenUnused ? { gcTime: 0 } : {}),
  });
  return {
    data: query.data,
    error: query.error instanceof OpFailure ? query.error.opError : query.error ? unexpected(query.error) : null,
    loading: query.isPending && query.fetchStatus !== 'idle',
    refetch: () => void query.refetch(),
  };
}

/** The cached answer if there is one, else asked for now (for code outside components). */
export function fetchOp<N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutputs[N]> {
  return queryClient.fetchQuery({ queryKey: opKey(name, input), queryFn: () => unwrap(api.call(name, input)) });
}

function unexpected(error: Error): OpError {
  return { code: 'internal', message: `Something went wrong in this window: ${error.message}` };
}
