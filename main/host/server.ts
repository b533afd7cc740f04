import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { OpResult } from '../common/contract';
import { CALL_ID_HEADER, CANCEL_PATH_PREFIX, isCallId } from '../common/progress';
import { TrackedCalls } from '../service/tracked-calls';
import { startWorkerCore } from '../service/worker-core';
import { API_PREFIX, handleApiRequest, RequestAborted } from './api-route';
import { EVENTS_PATH, streamChanges } from './change-stream';
import { ProgressStream } from './progress-stream';
import {
  SECURITY_HEADERS,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newSecret,
  presentedSecret,
  secretsMatch,
} from './security';
import { resolveStaticFile } from './static-files';

export interface HostOptions {
  libraryFile: string;
  resourcesDir: string;
  /** The built renderer (out/renderer): index.html and its assets. */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningHost {
  /** The bootstrap URL, secret included: the one thing to hand to the person (or the test). */
  url: string;
  port: number;
  secret: string;
  libraryFile: string;
  close(): Promise<void>;
}

/** Whoever holds the secret is the one person the host serves: every tab may stop any tab's call. */
const BROWSER = 'browser';

/** Loopback only: the host is a private door for one person on this machine, never a network service. */
const LOOPBACK = '127.0.0.1';

/**
 * Serves the renderer and the operations API to a browser on this machine. Opens the library itself,
 * in worker threads so that a long import never holds up another request (and closes it in
 * close()); a FieldbookError from opening it reaches the caller.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rendererRoot = fs.realpathSync(options.rendererDir);
  const core = await startWorkerCore({
    libraryFile: options.libraryFile,
    resourcesDir: options.resourcesDir,
    user: 'browser-host',
    backupOnStart: true,
    // A failed backup must not keep anyone from their library; the log says why.
    onBackupError: (message) => console.error('Fieldbook could not back up the library on start:', message),
  });
  const secret = newSecret();
  let port = 0;
  const trackedCalls = new TrackedCalls();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A tab closed mid-request is the browser's choice, not a fault: nothing ran, nothing to answer.
      if (error instanceof RequestAborted) {
        console.error(`The browser abandoned a request to ${req.url?.split('?')[0] ?? '/'}; nothing was done.`);
        return void res.destroy();
      }
      console.error('The browser host failed to answer a request:', error);
      if (!res.headersSent) sendText(res, 500, 'Fieldbook could not answer this request.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [pathname = '/'] = (req.url ?? '/').split('?', 1);
    const isApi = pathname.startsWith(API_PREFIX) || pathname.startsWith(CANCEL_PATH_PREFIX) || pathname === EVENTS_PATH;
    // The UI's transport shows an OpResult's message, so refusals of API calls come in that shape.
    const refuse = (status: number, message: string, extra: http.OutgoingHttpHeaders = {}) =>
      isApi ? sendJson(res, status, { ok: false, error: { code: 'refused', message } }, extra) : sendText(res, status, message, extra);

    if (!isAllowedHost(req.headers.host, port)) {
      return refuse(403, `Fieldbook only answers requests addressed to 127.0.0.1:${port} or localhost:${port}.`);
    }
    if (!isAllowedOrigin(req.headers.origin, port) || !isAllowedFetchSite(req.headers['sec-fetch-site'])) {
      return refuse(403, 'Fieldbook only answers its own pages, not other sites.');
    }

    // The page and its scripts are the app's public code; the library only ever flows through
    // /api, and only to a caller with the secret. A browser can't add a header to a navigation,
    // so the page must load without it and then present it on every call.
    if (!isApi) return serveStatic(req, res, pathname);

    if (!secretsMatch(presentedSecret(req), secret)) {
      return refuse(
        403,
        'This page is missing the secret of the running Fieldbook (it may be from an earlier run). Open the full address Fieldbook printed when it started.',
      );
    }
    if (pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return refuse(405, 'The change feed is read with GET.', { allow: 'GET' });
      return streamChanges(core, req, res);
    }
    if (req.method !== 'POST') return refuse(405, 'Operations are called with POST.', { allow: 'POST' });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    // A cross-site form cannot send application/json without a CORS preflight, which we never grant.
    if (contentType !== 'application/json') return refuse(415, 'Operations take a JSON body (content-type: application/json).');
    if (pathname.startsWith(CANCEL_PATH_PREFIX)) {
      const callId = decodeOpName(pathname.slice(CANCEL_PATH_PREFIX.length));
      if (!isCallId(callId)) return refuse(404, 'There is no such call to stop.');
      return sendJson(res, 200, { ok: true, value: { stopping: trackedCalls.cancel(BROWSER, callId) } });
    }
    // A tab closed or a fetch aborted while an import runs: the files already in stay, the rest are not imported.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const opName = decodeOpName(pathname.slice(API_PREFIX.length));
    const callId = req.headers[CALL_ID_HEADER];
    if (!isCallId(callId)) {
      const { status, body } = await handleApiRequest(core, req, opName, { signal: gone.signal });
      // An oversized body is left unread; closing the connection keeps the rest from piling up.
      return sendJson(res, status, body, status === 413 ? { connection: 'close' } : {});
    }
    const cancelled = trackedCalls.start(BROWSER, callId);
    const progress = new ProgressStream(res);
    try {
      const { status, body } = await handleApiRequest(core, req, opName, {
        signal: AbortSignal.any([gone.signal, cancelled]),
        onProgress: (report) => progress.send(report),
      });
      if (progress.started) progress.end(body);
      else sendJson(res, status, body, status === 413 ? { connection: 'close' } : {});
    } finally {
      trackedCalls.finish(BROWSER, callId, cancelled);
    }
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Only GET and HEAD are allowed here.', { allow: 'GET, HEAD' });
    }
    const found = resolveStaticFile(rendererRoot, pathname);
    if (!found) return sendText(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': found.contentType,
      'content-length': found.size,
      'cache-control': found.cacheControl,
    });
    if (req.method === 'HEAD') return void res.end();
    // pipeline, not pipe: when the browser goes away mid-download, the file is closed too rather
    // than left open in a paused stream. Nobody is left to tell, so nothing is logged.
    pipeline(fs.createReadStream(found.file), res, () => {});
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    // The secret rides in the fragment, which the browser keeps to itself: no request, log or
    // Referer ever carries it, and the page moves it into sessionStorage.
    url: `http://${LOOPBACK}:${port}/#secret=${secret}`,
    port,
    secret,
    libraryFile: core.libraryFile,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => void core.close().then(resolve));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function decodeOpName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function sendJson(res: ServerResponse, status: number, body: OpResult<unknown>, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, message: string, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}
