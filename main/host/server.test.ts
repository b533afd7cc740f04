import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packageResourcesDir } from '../core/resources-dir';
import { startHost, type RunningHost } from './server';

const BUNDLED_TITLE = 'Al-Quaeda and state sanctuary in the Islamic Maghreb';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

let tmp: string;
let host: RunningHost;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-host-'));
  // A file beside the renderer folder: a traversal bug would serve it.
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"private": "outside the renderer"}');
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title><script type="module" src="./assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  host = await startHost({
    libraryFile: path.join(tmp, 'library', 'library.sqlite'),
    resourcesDir: packageResourcesDir(),
    rendererDir,
  });
});

afterEach(async () => {
  await host.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Raw node:http so the test controls Host and sends paths exactly as written (no URL normalising). */
function send(options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withSecret = (headers: Record<string, string> = {}) => ({ 'x-fieldbook-secret': host.secret, ...headers });

function callOp(name: string, input: unknown, headers: Record<string, string> = withSecret()): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/op/${name}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

function listedTitles(reply: Reply): string[] {
  const result = JSON.parse(reply.body) as { ok: boolean; value: { title: string }[] };
  expect(result.ok).toBe(true);
  return result.value.map((doc) => doc.title);
}

describe('browser host', () => {
  it('listens on the loopback address only', async () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#secret=[A-Za-z0-9_-]{43}$`));
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal);
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: external.address, port: host.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached, `port ${host.port} must not be reachable on ${external.address}`).toBe(false);
    }
  });

  it('serves the page to anyone but refuses operations without the secret', async () => {
    // The page is the app's public code; a browser can't send a header with a navigation.
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Fieldbook</title>');
    expect(page.headers['cache-control']).toBe('no-store');
    const op = await callOp('documents.list', {}, {});
    expect(op.status).toBe(403);
    // The UI shows an OpResult's message, so API refusals come in that shape.
    expect(JSON.parse(op.body)).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/secret/) } });
    expect(op.body).not.toContain(BUNDLED_TITLE);
  });

  it('refuses a wrong secret, and the right one anywhere but its header', async () => {
    const wrong = 'x'.repeat(host.secret.length);
    expect((await callOp('documents.list', {}, { 'x-fieldbook-secret': wrong })).status).toBe(403);
    // Cookies reach every port on 127.0.0.1, so a secret in one proves nothing about who sent it.
    for (const cookie of [`fieldbook_secret_${host.port}=${host.secret}`, `secret=${host.secret}`]) {
      const reply = await callOp('documents.list', {}, { cookie });
      expect(reply.status, cookie).toBe(403);
      expect(reply.body).not.toContain(BUNDLED_TITLE);
    }
    const inQuery = await send({ method: 'POST', path: `/api/op/documents.list?secret=${host.secret}`, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(inQuery.status).toBe(403);
  });

  it('hands out its secret only in the fragment of its address, and never as a cookie', async () => {
    const address = new URL(host.url);
    expect(address.hash).toBe(`#secret=${host.secret}`);
    expect(address.search).toBe('');
    // What the browser sends for the printed address: the fragment stays behind.
    for (const reply of [await send({ path: address.pathname }), await send({ path: `/?secret=${host.secret}` })]) {
      expect(reply.status).toBe(200);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    expect(listedTitles(await callOp('documents.list', {}))).toEqual([BUNDLED_TITLE]);
  });

  it('refuses a foreign Host header even with the secret (DNS rebinding)', async () => {
    for (const foreign of [`evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      const reply = await callOp('documents.list', {}, withSecret({ host: foreign }));
      expect(reply.status, foreign).toBe(403);
      expect(reply.body).not.toContain(BUNDLED_TITLE);
      // The page needs no secret, so a rebinding page must not get it either.
      const page = await send({ path: '/', headers: { host: foreign } });
      expect(page.status, foreign).toBe(403);
      expect(page.body).not.toContain('<title>Fieldbook');
    }
  });

  it('refuses a foreign Origin even with the secret, and accepts its own', async () => {
    for (const foreign of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      expect((await callOp('documents.list', {}, withSecret({ origin: foreign }))).status, foreign).toBe(403);
    }
    expect((await callOp('documents.list', {}, withSecret({ origin: `http://127.0.0.1:${host.port}` }))).status).toBe(200);
    expect((await callOp('documents.list', {}, withSecret({ origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` }))).status).toBe(200);
  });

  it('refuses requests a browser marks as coming from another site', async () => {
    expect((await callOp('documents.list', {}, withSecret({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await callOp('documents.list', {}, withSecret({ 'sec-fetch-site': 'same-site' }))).status).toBe(403);
    expect((await callOp('documents.list', {}, withSecret({ 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  });

  it('runs operations for a caller with the secret header', async () => {
    const reply = await callOp('documents.list', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(listedTitles(reply)).toEqual([BUNDLED_TITLE]);
  });

  it('imports through the API and lists the new document', async () => {
    const markdown = '# Field notes from Gao\n\nThe market reopened on Tuesday.\n';
    const imported = await callOp('documents.import', { files: [{ name: 'gao-notes.md', base64: Buffer.from(markdown).toString('base64') }] });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: [{ fileName: 'gao-notes.md', status: 'imported' }] });
    expect(listedTitles(await callOp('documents.list', {}))).toEqual(expect.arrayContaining([BUNDLED_TITLE, 'Field notes from Gao']));
  });

  it('serves assets with their content type and security headers on every response', async () => {
    const asset = await send({ path: '/assets/app.js', headers: withSecret() });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.body).toBe('console.log("app");');
    for (const reply of [asset, await send({ path: '/' })]) {
      expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('lets the browser keep the build’s hashed files, but never the page that names them', async () => {
    fs.mkdirSync(path.join(tmp, 'renderer', 'pdfjs'));
    fs.writeFileSync(path.join(tmp, 'renderer', 'pdfjs', 'glyphs.bcmap'), 'glyphs');
    expect((await send({ path: '/' })).headers['cache-control']).toBe('no-store');
    expect((await send({ path: '/index.html' })).headers['cache-control']).toBe('no-store');
    expect((await send({ path: '/assets/app.js' })).headers['cache-control']).toBe('max-age=31536000, immutable');
    // pdf.js's data keeps its own names from one build to the next.
    expect((await send({ path: '/pdfjs/glyphs.bcmap' })).headers['cache-control']).toBe('no-cache');
  });

  it('never serves files outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/%00index.html',
      `/${path.join(tmp, 'package.json')}`,
    ];
    for (const attempt of attempts) {
      const reply = await send({ path: attempt, headers: withSecret() });
      expect(reply.status, attempt).toBe(404);
      expect(reply.body, attempt).not.toContain('outside the renderer');
    }
  });

  it('answers operations only as POST with a JSON body', async () => {
    expect((await send({ path: '/api/op/documents.list', headers: withSecret() })).status).toBe(405);
    const form = await send({
      method: 'POST',
      path: '/api/op/documents.list',
      headers: withSecret({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: '{}',
    });
    expect(form.status).toBe(415);
    const broken = await send({ method: 'POST', path: '/api/op/documents.list', headers: withSecret({ 'content-type': 'application/json' }), body: '{"oops' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a body larger than the limit before reading it', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/op/documents.import',
      headers: withSecret({ 'content-type': 'application/json', 'content-length': String(65 * 1024 * 1024) }),
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/64 MB/) } });
  });

  it('reports unknown operations in the result and unknown paths as 404', async () => {
    const unknown = await callOp('documents.delete-everything', {});
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_op' } });
    expect((await send({ path: '/no/such/page', headers: withSecret() })).status).toBe(404);
  });

  it('takes a request the browser abandons mid-body quietly: one short line, nothing imported', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const markdown = Buffer.from(JSON.stringify({ files: [{ name: 'half.md', base64: Buffer.from('# Half sent\n').toString('base64') }] }));
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: host.port }, () => {
          socket.write(
            `POST /api/op/documents.import HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-fieldbook-secret: ${host.secret}\r\n` +
              `content-type: application/json\r\ncontent-length: ${markdown.length}\r\n\r\n`,
          );
          socket.write(markdown.subarray(0, 20), () => {
            socket.destroy();
            resolve();
          });
        });
        socket.on('error', reject);
      });
      await vi.waitFor(() => expect(logged).toHaveBeenCalled());
      const lines = logged.mock.calls.map((args) => args.map((arg) => (arg instanceof Error ? (arg.stack ?? String(arg)) : String(arg))).join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/\n/);
      expect(lines[0]).toMatch(/abandoned/);
    } finally {
      logged.mockRestore();
    }
    expect(listedTitles(await callOp('documents.list', {}))).toEqual([BUNDLED_TITLE]);
  });

  it('stops an import the browser stops waiting for at the next file, keeping the files already in', async () => {
    const report = (n: number) =>
      `<html><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1>${`<p>The convoy ${n} crossed the river near Gao at dawn, watched from the bank.</p>`.repeat(600)}</article></body></html>`;
    // Enough files that a quick machine is still importing when the browser goes away.
    const files = Array.from({ length: 150 }, (_, n) => ({ name: `report-${n}.html`, base64: Buffer.from(report(n)).toString('base64') }));
    const body = JSON.stringify({ files });
    const req = http.request({
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: '/api/op/documents.import',
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...withSecret() },
    });
    // Destroyed on purpose below.
    req.on('error', () => {});
    req.end(body);
    // The list is answered beside the import; once a file is in, the browser goes away.
    await vi.waitFor(async () => expect(listedTitles(await callOp('documents.list', {})).length).toBeGreaterThan(1), { timeout: 60_000, interval: 100 });
    req.destroy();
    // A write waits for the import before it, so once it is answered the import has stopped.
    await callOp('notes.create', { title: 'After the import' });
    const titles = listedTitles(await callOp('documents.list', {}));
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.length).toBeLessThan(1 + files.length);
  }, 120_000);

  it('streams a tracked import’s progress, and a cancel stops it at the next file with the answer saying which got in', async () => {
    const report = (n: number) =>
      `<html><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1>${`<p>The convoy ${n} crossed the river near Gao at dawn, watched from the bank.</p>`.repeat(600)}</article></body></html>`;
    const files = Array.from({ length: 150 }, (_, n) => ({ name: `report-${n}.html`, base64: Buffer.from(report(n)).toString('base64') }));
    const body = JSON.stringify({ files });
    const lines: Array<{ progress?: { done: number; total: number; message: string }; result?: { ok: boolean; value: Array<{ status: string }> } }> = [];
    let cancelReply: Reply | undefined;
    const contentType = await new Promise<string | undefined>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/op/documents.import',
          headers: {
            host: `127.0.0.1:${host.port}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-fieldbook-call': 'import-1',
            ...withSecret(),
          },
        },
        (res) => {
          let pending = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            pending += chunk;
            let end: number;
            while ((end = pending.indexOf('\n')) >= 0) {
              const line = JSON.parse(pending.slice(0, end)) as (typeof lines)[number];
              pending = pending.slice(end + 1);
              lines.push(line);
              // The first file is in: the person presses Cancel.
              if (line.progress && !cancelReply) {
                cancelReply = { status: 0, headers: {}, body: '' };
                void send({ method: 'POST', path: '/api/cancel/import-1', headers: withSecret({ 'content-type': 'application/json' }), body: '{}' }).then(
                  (reply) => (cancelReply = reply),
                );
              }
            }
          });
          res.on('end', () => resolve(res.headers['content-type']));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

    expect(contentType).toMatch(/^application\/x-ndjson/);
    expect(JSON.parse(cancelReply!.body)).toEqual({ ok: true, value: { stopping: true } });
    const progress = lines.flatMap((line) => (line.progress ? [line.progress] : []));
    expect(progress[0]).toEqual({ done: 1, total: 150, message: 'Imported 1 of 150 files' });
    const result = lines.at(-1)!.result!;
    expect(result.ok).toBe(true);
    const imported = result.value.filter((outcome) => outcome.status === 'imported').length;
    const cancelled = result.value.filter((outcome) => outcome.status === 'cancelled').length;
    expect(imported).toBeGreaterThanOrEqual(1);
    expect(imported).toBeLessThan(150);
    expect(imported + cancelled).toBe(150);
    expect(listedTitles(await callOp('documents.list', {}))).toHaveLength(1 + imported);
  }, 120_000);

  it('says there is nothing to stop for a call that is not running, and refuses a cancel without the secret', async () => {
    const unknown = await send({ method: 'POST', path: '/api/cancel/no-such-call', headers: withSecret({ 'content-type': 'application/json' }), body: '{}' });
    expect(JSON.parse(unknown.body)).toEqual({ ok: true, value: { stopping: false } });
    const anonymous = await send({ method: 'POST', path: '/api/cancel/no-such-call', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(403);
  });

  it.runIf(fs.existsSync('/proc/self/fd'))('lets go of a file whose download the browser abandons', async () => {
    const big = path.join(fs.realpathSync(tmp), 'renderer', 'assets', 'big.js');
    fs.writeFileSync(big, `// ${'x'.repeat(16 * 1024 * 1024)}\n`);
    const openOnBig = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === big;
        } catch {
          return false;
        }
      }).length;
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: '/assets/big.js', headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    });
    await vi.waitFor(() => expect(openOnBig()).toBe(0));
  });

  it('stops answering and closes the library when closed', async () => {
    const wal = `${host.libraryFile}-wal`;
    await callOp('documents.list', {});
    expect(fs.existsSync(wal), 'an open WAL-mode library has its -wal file').toBe(true);
    await host.close();
    await expect(send({ path: '/', headers: withSecret() })).rejects.toThrow();
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(fs.existsSync(wal)).toBe(false);
  });
});
