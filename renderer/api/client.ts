import type { LibraryChange } from '../../main/common/changes';
import type { FieldbookApi } from '../../main/common/contract';
import { takeHostSecret } from './host-secret';
import { createHttpTransport } from './http-transport';

// The Electron preload exposes the API over IPC; the browser host has no preload, so it gets HTTP.
// The secret is taken from the address as this module loads, before the first route is read.
const transport: FieldbookApi = window.fieldbook ?? createHttpTransport(takeHostSecret(window));

const changeListeners = new Set<(change: LibraryChange) => void>();
const connectListeners = new Set<() => void>();
let stopFeed: (() => void) | null = null;
let lastSeq = 0;

/**
 * A write's own answer says what it changed, and the feed says it again a moment later (and is the
 * only word on other windows' writes): each change is passed on once, whichever comes first.
 */
function deliver(change: LibraryChange): void {
  if (change.seq <= lastSeq) return;
  lastSeq = change.seq;
  for (const listener of changeListeners) listener(change);
}

/** The one way the UI reaches the library. Never rejects: a broken channel becomes an OpError too. */
export const api: FieldbookApi = {
  call: (name, input) =>
    transport.call(name, input).then(
      (result) => {
        if (result.ok && result.change) deliver(result.change);
        return result;
      },
      () => ({
        ok: false as const,
        error: { code: 'library_unavailable' as const, message: "Fieldbook's library is not reachable. Try again; if this keeps happening, restart Fieldbook." },
      }),
    ),
  onChange(listener, connected) {
    changeListeners.add(listener);
    if (connected) connectListeners.add(connected);
    stopFeed ??= transport.onChange(deliver, () => {
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
