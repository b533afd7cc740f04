/** The entry of the library's worker threads (see worker-core.ts); built as its own file beside the shell's main. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveLibrary } from './library-worker';
import type { WorkerSetup } from './worker-protocol';

serveLibrary(parentPort!, workerData as WorkerSetup);
