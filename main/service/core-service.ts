import type { LibraryChange } from '../common/changes';
import type { OpResult } from '../common/contract';
import type { OpProgress } from '../common/progress';

/**
 * The library as the shell and the browser host hold it: the one table of operations, called
 * asynchronously, and the feed of what every committed write changed. Whether the core runs in
 * this thread or in a worker of its own is the implementation's business, not its callers'.
 */
export interface CoreService {
  readonly libraryFile: string;
  /** Never rejects: a failure is an OpResult, as from dispatch. */
  call(name: unknown, input: unknown, options?: CallOptions): Promise<OpResult<unknown>>;
  /** Changes committed by this service's calls and by any other process. Returns an unsubscribe. */
  onChange(listener: (change: LibraryChange) => void): () => void;
  close(): Promise<void>;
}

/** For a long operation (import, restore, search.rebuild, export.archive); others ignore both. */
export interface CallOptions {
  /** Called as the operation goes: "Imported 3 of 81 files". */
  onProgress?: (progress: OpProgress) => void;
  /**
   * Aborting asks the operation to stop at its next safe point: an import keeps the files already
   * in and answers the rest as not imported; a restore, a reindex or an archive writes nothing and
   * answers a `cancelled` error.
   */
  signal?: AbortSignal;
}

/** How often another process's commits (the command line's) are looked for: cheap, one pragma. */
export const OTHER_WRITERS_POLL_MS = 250;
