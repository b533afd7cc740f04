import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { OpResult } from '../api';
import { backupOnStart, defaultBackupFolder } from '../core/backup/backup-library';
import { openLibrary } from '../core/open-library';
import type { OpContext } from '../ops';
import { API_PREFIX, handleApiRequest } from './api-route';
import {
  SECURITY_HEADERS,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newSecret,
  presentedSecret,
  secretCookie,
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

/** Loopback only: the host is a private door for one person on this machine, never a network service. */
const LOOPBACK = '127.0.0.1';

/**
 * Serves the renderer and the operations API to a browser on this machine. Opens the library itself
 * (and closes it in close()), so a FieldbookError from openLibrary reaches the caller.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rendererRoot = fs.realpathSync(options.rendererDir);
  const library = openLibrary(options.libraryFile, { resourcesDir: options.resourcesDir });
  try {
    backupOnStart(library, defaultBackupFolder(library.file));
  } catch (error) {
    // A failed backup must not keep anyone from their library; the log says why.
    console.error('Fieldbook could not back up the library on start:', error instanceof Error ? error.message : error);
  }
  const ctx: OpContext = { library };
  const secret = newSecret();
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('The browser host failed to answer a request:', error);
      if (!res.headersSent) sendText(res, 500, 'Fieldbook could not answer this request.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const isApi = pathname.startsWith(API_PREFIX);
    // The UI's transport shows an OpResult's message, so refusals of API calls come in that shape.
    const refuse = (status: number, message: string, extra: http.OutgoingHttpHeaders = {}) =>
      isApi ? sendJson(res, status, { ok: false, error: { code: 'refused', message } }, extra) : sendText(res, status, message, extra);

    if (!isAllowedHost(req.headers.host, port)) {
      return refuse(403, `Fieldbook only answers requests addressed to 127.0.0.1:${port} or localhost:${port}.`);
    }
    if (!isAllowedOrigin(req.headers.origin, port) || !isAllowedFetchSite(req.headers['sec-fetch-site'])) {
      return refuse(403, 'Fieldbook only answers its own pages, not other sites.');
    }

    const offered = new URLSearchParams(query).get('secret');
    if (offered !== null && req.method === 'GET' && !isApi) return bootstrap(res, offered);

    if (!secretsMatch(presentedSecret(req, port), secret)) {
      return refuse(
        403,
        'This page is missing the secret of the running Fieldbook (it may be from an earlier run). Open the full address Fieldbook printed when it started.',
      );
    }

    if (!isApi) return serveStatic(req, res, pathname);
    if (req.method !== 'POST') return refuse(405, 'Operations are called with POST.', { allow: 'POST' });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    // A cross-site form cannot send application/json without a CORS preflight, which we never grant.
    if (contentType !== 'application/json') return refuse(415, 'Operations take a JSON body (content-type: application/json).');
    const { status, body } = await handleApiRequest(ctx, req, decodeOpName(pathname.slice(API_PREFIX.length)));
    // An oversized body is left unread; closing the connection keeps the rest from piling up.
    sendJson(res, status, body, status === 413 ? { connection: 'close' } : {});
  }

  /** Trades the secret in the address bar for a cookie, then drops it from the address. */
  function bootstrap(res: ServerResponse, offered: string): void {
    if (!secretsMatch(offered, secret)) {
      return sendText(res, 403, 'This Fieldbook link has a wrong or outdated secret. Open the address printed when Fieldbook last started.');
    }
    res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': secretCookie(port, secret), location: '/', 'cache-control': 'no-store' });
    res.end();
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Only GET and HEAD are allowed here.', { allow: 'GET, HEAD' });
    }
    const found = resolveStaticFile(rendererRoot, pathname);
    if (!found) return sendText(res, 404, 'Not found.');
    const isIndex = path.basename(found.file) === 'index.html';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': found.contentType,
      'content-length': found.size,
      // index.html names the hashed assets of this build; it must never be served stale after a rebuild.
      'cache-control': isIndex ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
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
    library.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${port}/?secret=${secret}`,
    port,
    secret,
    libraryFile: library.file,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          library.close();
          resolve();
        });
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
