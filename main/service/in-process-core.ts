import type { LibraryChange } from '../common/changes';
import { ChangeFeed } from '../core/changes/change-feed';
import type { Library } from '../core/db/library';
import { dispatch } from '../ops';
import { OTHER_WRITERS_POLL_MS, type CoreService } from './core-service';

/** The core in the caller's own thread, with its change feed: each call runs to its end before the next. */
export function inProcessCore(library: Library): CoreService {
  const feed = new ChangeFeed(library);
  const listeners = new Set<(change: LibraryChange) => void>();
  const publish = (): LibraryChange | null => {
    const change = feed.poll();
    if (change) for (const listener of listeners) listener(change);
    return change;
  };
  const watch = setInterval(() => {
    if (library.db.open && feed.otherCommitted()) publish();
  }, OTHER_WRITERS_POLL_MS);
  watch.unref();

  return {
    libraryFile: library.file,
    call(name, input, options = {}) {
      // In this thread nothing else runs meanwhile: only progress itself can abort the signal.
      const task = { report: options.onProgress ?? (() => {}), cancelled: () => options.signal?.aborted === true };
      const result = dispatch({ library, task }, name, input);
      // Reading the log after every call costs one indexed query; knowing which calls write would
      // be a second list to keep true.
      const change = library.db.open ? publish() : null;
      return Promise.resolve(result.ok && change ? { ...result, change } : result);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearInterval(watch);
      listeners.clear();
      library.close();
      return Promise.resolve();
    },
  };
}
