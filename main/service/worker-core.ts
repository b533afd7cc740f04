import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { LibraryChange } from '../common/changes';
import type { OpResult } from '../common/contract';
import { removeRestoreLeftovers } from '../core/backup/backup-library';
import { useLibrary, type LibraryUser } from '../core/db/library-lock';
import { FieldbookError } from '../core/errors';
import type { CallOptions, CoreService } from './core-service';
import type { FromWorker, ToWorker, WorkerRole, WorkerSetup } from './worker-protocol';

export interface WorkerCoreOptions {
  libraryFile: string;
  resourcesDir: string;
  /** Who holds the library open (library-lock.ts), for as long as the service runs. */
  user: LibraryUser;
  /** better-sqlite3 built for Electron's ABI, when the shell runs it. */
  nativeBinding?: string;
  /** Back the library up on start, once a day, as the app and the host do. */
  backupOnStart?: boolean;
  /** Told why, when the backup on start failed: the library opens all the same. */
  onBackupError?: (message: string) => void;
  /** The worker entry; by default core-worker.js beside this module when built, else its source. */
  workerEntry?: string;
  /** A ceiling on each worker's heap: an operation that outgrows it ends its worker, not the app. */
  resourceLimits?: ResourceLimits;
}

/** A worker that crashes more often than this within a minute is not started again. */
const MAX_RESTARTS_PER_MINUTE = 3;
/** How long close() lets a running operation reach a point where it stops before ending it. */
const CLOSE_GRACE_MS = 30_000;

/**
 * The core in worker threads: a writer that owns the library's connection and its change feed,
 * and a reader with a second, read-only connection (WAL) that answers reads meanwhile, so a list
 * or a search answers while a long import or restore runs. The calling thread (Electron's main
 * process, the host's event loop) only passes messages. Startup errors (a damaged library, one
 * from a newer Fieldbook, one being restored into) reject, as opening the library in-process did.
 */
export interface WorkerCore extends CoreService {
  /** Settles once the reader answers reads apart from writes (or has failed to start, and they go to the writer). */
  readonly readerReady: Promise<void>;
}

export async function startWorkerCore(options: WorkerCoreOptions): Promise<WorkerCore> {
  const libraryFile = path.resolve(options.libraryFile);
  // Held here rather than in the writer, so that a writer that crashed leaves no claim behind.
  const claim = useLibrary(libraryFile, options.user);
  const changes = new EventEmitter<{ change: [LibraryChange] }>();
  const setup = (role: WorkerRole): WorkerSetup => ({
    role,
    libraryFile,
    resourcesDir: options.resourcesDir,
    nativeBinding: options.nativeBinding,
    backupOnStart: role === 'writer' && (options.backupOnStart ?? false),
  });
  const entry = workerEntry(options.workerEntry);
  const spawn = (role: WorkerRole) => new CoreThread(role, setup(role), entry, options.resourceLimits, (change) => changes.emit('change', change));

  const writer = spawn('writer');
  let writerReady: Ready;
  try {
    removeRestoreLeftovers(libraryFile);
    writerReady = await writer.open();
    if (writerReady.backupError) options.onBackupError?.(writerReady.backupError);
  } catch (error) {
    claim.release();
    throw error;
  }
  // The names of the operations that only read, from the writer (this thread never loads the ops).
  const readOps = new Set(writerReady.readOps);
  // Started once the writer has created and migrated the library, and not before: loading the
  // core's code costs a second of CPU, and the window waits for the writer's, not for this one's.
  const reader = spawn('reader');
  let closing: Promise<void> | undefined;
  const readerReady = reader.open().then(
    () => {},
    (error: unknown) => {
      // Closed before it was ready: it was stopped, it did not fail.
      if (!closing) console.error(`Fieldbook could not open a second connection for reading, so reads wait for writes: ${describe(error)}`);
    },
  );

  /**
   * A read goes to the reader, unless the reader is still starting (or starting again) and the
   * writer is idle: then the writer answers it at once. Should the reader fail, reads wait for
   * writes: slower under a long write, never wrong.
   */
  const threadFor = (name: unknown): CoreThread => {
    const isRead = typeof name === 'string' && readOps.has(name);
    if (!isRead || !reader.usable) return writer;
    return reader.opened || writer.busy ? reader : writer;
  };

  return {
    libraryFile,
    readerReady,
    call(name, input, callOptions) {
      if (closing) return Promise.resolve(unavailable('The library is closing.'));
      return threadFor(name).call(name, input, callOptions);
    },
    onChange(listener) {
      changes.on('change', listener);
      return () => void changes.off('change', listener);
    },
    close() {
      // The reader first: the last connection to close folds the write-ahead log into the library,
      // and a read-only one cannot.
      closing ??= reader.close().then(() => writer.close()).then(() => {
        changes.removeAllListeners();
        claim.release();
      });
      return closing;
    },
  };
}

interface Entry {
  /** A file, or (with eval) the code of a small module that loads one. */
  source: string;
  eval: boolean;
}

/**
 * Built (the shell, electron-vite's out/main/), the entry is JavaScript beside this module; run
 * from the sources (the tests, `npm run web` under tsx), it is TypeScript, loaded through tsx's
 * loader, registered in the worker itself (a worker does not inherit the parent's loader).
 */
function workerEntry(explicit: string | undefined): Entry {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = explicit ?? [path.join(here, 'core-worker.js'), path.join(here, 'core-worker.ts')].find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`The library's worker (core-worker.js) is missing beside ${here}; build Fieldbook again.`);
  if (!file.endsWith('.ts')) return { source: file, eval: false };
  // tsx/esm/api's import condition, as package.json's exports name it (require.resolve finds the CommonJS one).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = `(async () => {
    const { register } = await import(${JSON.stringify(tsx)});
    register();
    await import(${JSON.stringify(pathToFileURL(file).href)});
  })();`;
  return { source, eval: true };
}

interface Pending {
  name: unknown;
  cancel: Int32Array;
  resolve(result: OpResult<unknown>): void;
  onProgress?: CallOptions['onProgress'];
}

interface Ready {
  readOps: string[];
  backupError: string | null;
}

/**
 * One worker and the calls it has not answered yet. When it dies unexpectedly, every pending
 * call is answered with an error saying so (never left hanging) and a new worker is started; one
 * that keeps dying is given up, and every call then says the library is unavailable.
 */
class CoreThread {
  private worker!: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private crashes: number[] = [];
  private broken: string | null = null;
  /** Whether the current worker has opened the library. */
  private ready = false;
  /** Resolves once the current worker opened the library; calls wait for it. */
  started!: Promise<Ready>;

  constructor(
    private readonly role: WorkerRole,
    private readonly setup: WorkerSetup,
    private readonly entry: Entry,
    private readonly resourceLimits: ResourceLimits | undefined,
    private readonly publish: (change: LibraryChange) => void,
  ) {
    this.spawn();
  }

  /** Tells the worker to open the library; resolves once it has. */
  open(): Promise<Ready> {
    this.worker.postMessage({ type: 'open' } satisfies ToWorker);
    return this.started;
  }

  get usable(): boolean {
    return this.broken === null;
  }

  /** Whether the current worker has opened the library (it is not starting, or starting again). */
  get opened(): boolean {
    return this.ready;
  }

  /** Whether it has calls not yet answered: a read sent to it now would wait for them. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  async call(name: unknown, input: unknown, options: CallOptions = {}): Promise<OpResult<unknown>> {
    try {
      await this.started;
    } catch {
      // Reported through broken below.
    }
    if (this.broken !== null) return unavailable(this.broken);
    const id = this.nextId++;
    const cancelBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const cancel = new Int32Array(cancelBuffer);
    const stop = () => Atomics.store(cancel, 0, 1);
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      return await new Promise<OpResult<unknown>>((resolve) => {
        this.pending.set(id, { name, cancel, resolve, onProgress: options.onProgress });
        try {
          this.worker.postMessage({ type: 'call', id, name, input, cancel: cancelBuffer } satisfies ToWorker);
        } catch (error) {
          // Input that can't be copied to the worker (a function, a symbol) never came from JSON or IPC.
          this.pending.delete(id);
          resolve({ ok: false, error: { code: 'invalid_input', message: `The input could not be read (${describe(error)}).` } });
        }
      });
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
  }

  close(): Promise<void> {
    this.closing = true;
    // A long operation still running stops at its next safe point; close waits for it.
    for (const call of this.pending.values()) Atomics.store(call.cancel, 0, 1);
    const worker = this.worker;
    return new Promise<void>((resolve) => {
      const ended = () => {
        clearTimeout(deadline);
        this.failPending('The library was closed before this call was answered.');
        resolve();
      };
      const deadline = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
      worker.once('exit', ended);
      if (worker.threadId === -1) return ended();
      // One still loading its code has opened nothing: there is nothing to wait for.
      if (!this.ready) return void worker.terminate();
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
  }

  private spawn(): void {
    const worker = new Worker(this.entry.source, {
      eval: this.entry.eval,
      workerData: this.setup,
      resourceLimits: this.resourceLimits,
      name: `fieldbook-${this.role}`,
    });
    this.worker = worker;
    this.ready = false;
    let lastError: unknown;
    this.started = new Promise<Ready>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            this.ready = true;
            return resolve({ readOps: message.readOps, backupError: message.backupError });
          case 'failed':
            lastError = message.known ? new FieldbookError(message.code, message.message) : new Error(message.message);
            return;
          case 'answer': {
            const call = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.result.ok && message.result.change) this.publish(message.result.change);
            return call?.resolve(message.result);
          }
          case 'progress':
            return this.pending.get(message.id)?.onProgress?.(message.progress);
          case 'change':
            return this.publish(message.change);
        }
      });
      worker.on('error', (error) => (lastError = error));
      worker.on('exit', (code) => {
        if (!this.ready) {
          const error = lastError ?? new Error(`The library's ${this.role} stopped as it started (exit code ${code}).`);
          this.broken = describe(error);
          return reject(error);
        }
        if (this.closing) return;
        this.crashed(lastError ?? new Error(`exit code ${code}`));
      });
    });
    // A restarted worker that fails to start marks the thread broken; nobody else awaits it.
    this.started.catch(() => {});
  }

  private crashed(error: unknown): void {
    const reason = describe(error);
    console.error(`Fieldbook's library ${this.role} stopped unexpectedly: ${reason}`);
    this.failPending(`The library stopped unexpectedly while answering {name} (${reason}) and is being started again. Anything that call was saving may be missing: check, and try again.`);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < 60_000), now];
    if (this.crashes.length > MAX_RESTARTS_PER_MINUTE) {
      this.broken = `The library stopped ${this.crashes.length} times within a minute (last: ${reason}); restart Fieldbook.`;
      return;
    }
    this.spawn();
    void this.open();
  }

  private failPending(message: string): void {
    for (const call of this.pending.values()) {
      call.resolve({ ok: false, error: { code: 'internal', message: message.replace('{name}', String(call.name)) } });
    }
    this.pending.clear();
  }
}

function unavailable(message: string): OpResult<unknown> {
  return { ok: false, error: { code: 'library_unavailable', message } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
