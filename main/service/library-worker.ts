import type { MessagePort } from 'node:worker_threads';
import { backupOnStart, defaultBackupFolder } from '../core/backup/backup-library';
import { ChangeFeed } from '../core/changes/change-feed';
import { Library } from '../core/db/library';
import { FieldbookError } from '../core/errors';
import { openLibrary } from '../core/open-library';
import type { Task } from '../core/task';
import { dispatch, readOpNames } from '../ops';
import { OTHER_WRITERS_POLL_MS } from './core-service';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol';

/** What the worker needs of its port to the calling thread (a test wraps it). */
export type WorkerPort = Pick<MessagePort, 'on' | 'once' | 'postMessage' | 'close'>;

/**
 * Runs in a worker thread (core-worker.ts is the entry): operations on the library, for
 * worker-core.ts. The writer opens the library (creating and seeding it when new) and keeps its
 * change feed; a reader opens it read-only. Operations arrive one message at a time and run to
 * their end through the one table, dispatch.
 */
export function serveLibrary(port: WorkerPort, setup: WorkerSetup): void {
  port.once('message', (message: ToWorker) => {
    if (message.type === 'open') start(port, setup);
    else port.close();
  });
}

function open(setup: WorkerSetup): { library: Library; backupError: string | null } {
  const { libraryFile, resourcesDir, nativeBinding } = setup;
  if (setup.role === 'reader') return { library: Library.openReadOnly(libraryFile, { nativeBinding }), backupError: null };
  // The process's claim on the library (library-lock.ts) is held by the thread that started this
  // one, so that it outlives a worker that crashed and was started again.
  const library = openLibrary(libraryFile, { resourcesDir, nativeBinding });
  if (!setup.backupOnStart) return { library, backupError: null };
  try {
    backupOnStart(library, defaultBackupFolder(library.file));
    return { library, backupError: null };
  } catch (error) {
    // A failed backup must not keep anyone from their library: the caller says why and goes on.
    return { library, backupError: error instanceof Error ? error.message : String(error) };
  }
}

function start(port: WorkerPort, setup: WorkerSetup): void {
  const post = (message: FromWorker) => port.postMessage(message);
  let opened: ReturnType<typeof open>;
  try {
    opened = open(setup);
  } catch (error) {
    const known = error instanceof FieldbookError;
    post({ type: 'failed', known, code: known ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  const { library } = opened;
  const feed = setup.role === 'writer' ? new ChangeFeed(library) : null;
  const watch = feed
    ? setInterval(() => {
        if (library.db.open && feed.otherCommitted()) {
          const change = feed.poll();
          if (change) post({ type: 'change', change });
        }
      }, OTHER_WRITERS_POLL_MS)
    : undefined;

  port.on('message', (message: ToWorker) => {
    if (message.type === 'open') return;
    if (message.type === 'close') {
      clearInterval(watch);
      library.close();
      port.close();
      return;
    }
    const { id } = message;
    const stop = new Int32Array(message.cancel);
    const task: Task = {
      report: (progress) => post({ type: 'progress', id, progress }),
      cancelled: () => Atomics.load(stop, 0) === 1,
    };
    const result = dispatch({ library, task }, message.name, message.input);
    // Reading the log after every call costs one indexed query; knowing which calls write would
    // be a second list to keep true.
    const change = feed && library.db.open ? feed.poll() : null;
    post({ type: 'answer', id, result: result.ok && change ? { ...result, change } : result });
  });
  post({ type: 'ready', readOps: readOpNames(), backupError: opened.backupError });
}
