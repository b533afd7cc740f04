import type { LibraryChange } from '../../main/common/changes';
import type { FieldbookApi, OpInput, OpName, OpOutputs, OpResult } from '../../main/common/contract';
import type { OpProgress } from '../../main/common/progress';
import { ChangeArrivals } from './change-arrivals';
import { takeHostSecret } from './host-secret';
import { createHttpTransport } from './http-transport';

// The Electron preload exposes the API over IPC; the browser host has no preload, so it gets HTTP.
// The secret is taken from the address as this module loads, before the first route is read.
const transport: FieldbookApi = window.fieldbook ?? createHttpTransport(takeHostSecret(window));

const changeListeners = new Set<(change: LibraryChange) => void>();
const connectListeners = new Set<() => void>();
let stopFeed: (() => void) | null = null;

/** A write's own answer says what it changed, and the feed says it again (and is the only word on other windows' writes). */
const arrivals = new ChangeArrivals((change) => {
  for (const listener of changeListeners) listener(change);
});

/** For a long operation: hear how far it has got, and stop it by aborting the signal. */
export interface LongCallOptions {
  onProgress?(progress: OpProgress): void;
  /** Aborting asks the operation to stop at its next safe point; its answer says what was kept. */
  signal?: AbortSignal;
}

/** What the UI calls: the contract's, with a long call's progress and stopping in web terms. */
export interface AppApi extends Omit<FieldbookApi, 'call' | 'cancel'> {
  call<N extends OpName>(name: N, input: OpInput<N>, options?: LongCallOptions): Promise<OpResult<OpOutputs[N]>>;
}

const BROKEN_CHANNEL = {
  ok: false as const,
  error: { code: 'library_unavailable' as const, message: "Fieldbook's library is not reachable. Try again; if this keeps happening, restart Fieldbook." },
};

function tracked<N extends OpName>(name: N, input: OpInput<N>, options: LongCallOptions): Promise<OpResult<OpOutputs[N]>> {
  const callId = crypto.randomUUID();
  const stop = () => transport.cancel(callId);
  options.signal?.addEventListener('abort', stop, { once: true });
  const answer = transport.call(name, input, { callId, onProgress: (progress) => options.onProgress?.(progress) });
  // Aborted before the call was sent: the host has nothing to stop yet, so ask again once it has.
  if (options.signal?.aborted) queueMicrotask(stop);
  return answer.finally(() => options.signal?.removeEventListener('abort', stop));
}

/** The one way the UI reaches the library. Never rejects: a broken channel becomes an OpError too. */
export const api: AppApi = {
  call: (name, input, options) =>
    (options ? tracked(name, input, options) : transport.call(name, input)).then(
      (result) => {
        if (result.ok && result.change) arrivals.fromAnswer(result.change);
        return result;
      },
      () => BROKEN_CHANNEL,
    ),
  onChange(listener, connected) {
    changeListeners.add(listener);
    if (connected) connectListeners.add(connected);
    stopFeed ??= transport.onChange((change) => arrivals.fromFeed(change), () => {
      for (const each of connectListeners) each();
    });
    return () => {
      changeListeners.delete(listener);
      if (connected) connectListeners.delete(connected);
      if (changeListeners.size === 0) {
        stopFeed?.();
        stopFeed = null;
      }
    };
  },
};
