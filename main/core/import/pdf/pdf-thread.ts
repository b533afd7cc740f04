import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { PdfReadResult } from './read-pdf';

/** The reader thread's entry, as electron-vite builds it (electron.config.ts names it). */
export const PDF_READER_ENTRY = 'pdf-reader-worker';

/** Longer than the largest importable PDF takes (20 MB, about 4 ms a page); a hostile one that loops is cut off. */
const READ_TIMEOUT_MS = 120_000;
/** A PDF that makes pdf.js outgrow this ends its own thread, not the library's. */
const HEAP_LIMIT_MB = 2048;

/**
 * Reads a PDF synchronously. pdf.js only answers through promises, and the door into the core
 * (ops.ts) answers each call before the next, in the caller's thread: so pdf.js runs in a thread
 * of its own while this one sleeps on a shared flag (Atomics.wait), then takes the answer off the
 * port without returning to its event loop. The thread, and everything pdf.js held, goes when it
 * answers.
 */
export function readPdfInThread(bytes: Uint8Array, password: string | undefined): PdfReadResult {
  const { port1, port2 } = new MessageChannel();
  const done = new SharedArrayBuffer(4);
  const { source, evaluated } = readerEntry();
  const worker = new Worker(source, {
    eval: evaluated,
    workerData: { bytes, password, port: port2, done },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  try {
    const waited = Atomics.wait(new Int32Array(done), 0, 0, READ_TIMEOUT_MS);
    const message = receiveMessageOnPort(port1)?.message as PdfReadResult | undefined;
    if (message) return message;
    return {
      ok: false,
      problem: 'damaged',
      detail: waited === 'timed-out' ? `pdf.js did not finish reading it in ${READ_TIMEOUT_MS / 1000} seconds` : 'pdf.js stopped without an answer',
    };
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/**
 * Built, the entry is a file beside the library's worker (out/main/); run from the sources, it is
 * the TypeScript beside this module, loaded through tsx as main/service/worker-core.ts does.
 */
function readerEntry(): { source: string; evaluated: boolean } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = [path.join(here, `${PDF_READER_ENTRY}.js`), path.join(here, '..', `${PDF_READER_ENTRY}.js`)].find((file) => fs.existsSync(file));
  if (built) return { source: built, evaluated: false };
  const file = path.join(here, `${PDF_READER_ENTRY}.ts`);
  if (!fs.existsSync(file)) throw new Error(`The PDF reader (${PDF_READER_ENTRY}.js) is missing beside ${here}; build Fieldbook again.`);
  const require = createRequire(import.meta.url);
  const tsxRoot = path.dirname(require.resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  // pdf.js (two modules of 2 MB) is loaded before tsx hooks the loader, which would otherwise
  // compile it again on every import: seconds, not a tenth of one.
  const pdfjs = ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'].map((name) => pathToFileURL(require.resolve(name)).href);
  const source = `(async () => {
    await Promise.all(${JSON.stringify(pdfjs)}.map((url) => import(url)));
    const { register } = await import(${JSON.stringify(tsx)});
    register();
    await import(${JSON.stringify(pathToFileURL(file).href)});
  })();`;
  return { source, evaluated: true };
}
