/**
 * The browser host's secret must be of no use to anything but Fieldbook's own page: another web
 * server on 127.0.0.1, visited by the same browser after the bootstrap, receives none of it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserHost, type BrowserHostProcess } from './browser-host-process';
import { expect, REPO_ROOT, test } from './fixtures';
import { BUNDLED_TITLE } from './user-actions';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** Another local web app: it records every request that reaches it, headers and all. */
async function startOtherServer(): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      // A page that calls home with credentials, as any local app might.
      res.end('<!doctype html><title>Other app</title><h1>Other app</h1><img src="/pixel.png" alt=""><script>fetch("/probe", { credentials: "include" })</script>');
      return;
    }
    res.writeHead(204);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const libraryList = (page: Page) => page.getByRole('navigation', { name: 'Library' });

test('the host’s secret reaches no other server on 127.0.0.1, and the app keeps working across reloads and tabs', async ({
  appKind,
  chromiumBrowser,
}) => {
  test.skip(appKind !== 'chromium', 'the browser host only');
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-e2e-secret-'));
  const other = await startOtherServer();
  let host: BrowserHostProcess | undefined;
  const context = await (await chromiumBrowser()).newContext();
  try {
    host = await startBrowserHost(REPO_ROOT, libraryDir);
    const secret = /secret=([A-Za-z0-9_-]+)/.exec(host.url)?.[1] as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const tab = await context.newPage();
    await tab.goto(host.url);
    await expect(libraryList(tab).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
    // Not left in the address bar, for a screenshot or a copied link to carry away.
    expect(tab.url()).not.toContain(secret);

    await tab.reload();
    await expect(libraryList(tab).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();

    const secondTab = await context.newPage();
    await secondTab.goto(host.url);
    await expect(libraryList(secondTab).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();

    for (const address of [`http://127.0.0.1:${other.port}/`, `http://localhost:${other.port}/`]) {
      const visit = await context.newPage();
      const probed = visit.waitForRequest((request) => request.url().endsWith('/probe'));
      await visit.goto(address);
      await expect(visit.getByRole('heading', { name: 'Other app' })).toBeVisible();
      await probed;
      await visit.close();
    }
    await expect.poll(() => other.seen.filter((request) => request.url === '/probe').length).toBe(2);

    expect(other.seen.length).toBeGreaterThanOrEqual(4);
    for (const request of other.seen) {
      expect(JSON.stringify(request), `what ${request.url} sent to the other server`).not.toContain(secret);
      expect(request.headers.cookie ?? '', request.url).not.toMatch(/fieldbook/i);
    }
    const cookies = await context.cookies();
    expect(cookies.filter((cookie) => cookie.value.includes(secret))).toEqual([]);
  } finally {
    await context.close();
    await host?.stop();
    await other.close();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  }
});
