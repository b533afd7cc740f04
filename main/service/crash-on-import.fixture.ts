/**
 * The library's worker, as core-worker.ts, except that an import ends the thread in the middle of
 * a write, as a fault in native code or an exhausted heap would: a transaction is open, a table is
 * written into it and the write lock is held when the thread dies. For the test of what its caller
 * does then, and of what the library holds after (nothing of that write).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { serveLibrary, type WorkerPort } from './library-worker';
import type { ToWorker, WorkerSetup } from './worker-protocol';

/** The table the dying write creates (and fills) but never commits. */
export const HALF_WRITTEN_TABLE = 'half_written_when_the_worker_died';

const setup = workerData as WorkerSetup;
const port = parentPort!;

function dieMidWrite(): never {
  const db = new Database(setup.libraryFile);
  db.exec('BEGIN IMMEDIATE');
  db.exec(`CREATE TABLE ${HALF_WRITTEN_TABLE} (line TEXT); INSERT INTO ${HALF_WRITTEN_TABLE} VALUES ('never committed')`);
  process.exit(70);
}

const crashing: WorkerPort = {
  postMessage: (message: unknown) => port.postMessage(message),
  close: () => port.close(),
  once: (event: string, listener: (message: ToWorker) => void) => port.once(event, listener),
  on: (event: string, listener: (message: ToWorker) => void) =>
    port.on(event, (message: ToWorker) => {
      if (message.type === 'call' && message.name === 'documents.import') dieMidWrite();
      listener(message);
    }),
} as WorkerPort;
// Imported by the test for the name above: only a worker serves.
if (parentPort) serveLibrary(crashing, setup);
