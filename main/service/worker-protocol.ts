import type { LibraryChange } from '../common/changes';
import type { OpResult } from '../common/contract';
import type { OpProgress } from '../common/progress';
import type { ErrorCode } from '../core/errors';

/**
 * The messages between worker-core.ts and core-worker.ts. The writer owns the library's
 * connection and its change feed; the reader holds a read-only one and answers only reads.
 */
export type WorkerRole = 'writer' | 'reader';

export interface WorkerSetup {
  role: WorkerRole;
  libraryFile: string;
  resourcesDir: string;
  nativeBinding?: string;
  /** The writer backs the library up once a day on start, as the app and the host always have. */
  backupOnStart: boolean;
}

export type ToWorker =
  /** Sent once: a worker loads its code at once but opens the library when told (a reader after the writer). */
  | { type: 'open' }
  /** `cancel` holds one Int32: 1 once the caller asked to stop. Shared, so a busy worker sees it. */
  | { type: 'call'; id: number; name: unknown; input: unknown; cancel: SharedArrayBuffer }
  | { type: 'close' };

export type FromWorker =
  /** `readOps`: the operations that only read, which the caller may send to the reader. */
  | { type: 'ready'; readOps: string[]; backupError: string | null }
  /** The library could not be opened; `known` when the error was a FieldbookError meant for the person. */
  | { type: 'failed'; code: ErrorCode; message: string; known: boolean }
  | { type: 'answer'; id: number; result: OpResult<unknown> }
  | { type: 'progress'; id: number; progress: OpProgress }
  /** A commit this service's calls did not make: another process's (the command line's). */
  | { type: 'change'; change: LibraryChange };
