import type { LibraryChange } from '../common/changes';
import type { OpResult } from '../common/contract';

/**
 * The library as the shell and the browser host hold it: the one table of operations, called
 * asynchronously, and the feed of what every committed write changed. Whether the core runs in
 * this thread or in a worker of its own is the implementation's business, not its callers'.
 */
export interface CoreService {
  readonly libraryFile: string;
  /** Never rejects: a failure is an OpResult, as from dispatch. */
  call(name: unknown, input: unknown): Promise<OpResult<unknown>>;
  /** Changes committed by this service's calls and by any other process. Returns an unsubscribe. */
  onChange(listener: (change: LibraryChange) => void): () => void;
  close(): Promise<void>;
}

/** How often another process's commits (the command line's) are looked for: cheap, one pragma. */
export const OTHER_WRITERS_POLL_MS = 250;
