/**
 * The entry of the thread that reads one PDF (see pdf-thread.ts); built as its own file beside
 * the library's worker. It answers once, on the port it was given, then raises the flag the
 * waiting thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { readPdf, type PdfReadResult } from './read-pdf';
import { refuseNetworkInThisThread } from './refuse-network';

interface PdfReaderJob {
  bytes: Uint8Array;
  password: string | undefined;
  port: MessagePort;
  done: SharedArrayBuffer;
}

refuseNetworkInThisThread();
const job = workerData as PdfReaderJob;
let answered = false;

function answer(result: PdfReadResult): void {
  if (answered) return;
  answered = true;
  job.port.postMessage(result);
  const flag = new Int32Array(job.done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const failed = (error: unknown): PdfReadResult => ({ ok: false, problem: 'damaged', detail: error instanceof Error ? error.message : String(error) });
// pdf.js can fail outside the promise it returned (a damaged stream in a font): still one answer.
process.on('uncaughtException', (error) => answer(failed(error)));
process.on('unhandledRejection', (error) => answer(failed(error)));

readPdf(job.bytes, job.password).then(answer, (error: unknown) => answer(failed(error)));
