import fs from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';

const HOSTILE_DIR = path.join(REPO_ROOT, 'main', 'core', 'import', 'hostile-documents');
const hostileFiles = fs.readdirSync(HOSTILE_DIR).filter((name) => /\.(html|md)$/.test(name));

/** The app's own origin, written as a prefix: app://fieldbook/ in Electron, http://127.0.0.1:PORT/ in the browser host. */
function appPrefix(page: Page): string {
  const url = new URL(page.url());
  return `${url.protocol}//${url.host}/`;
}

/** Records every request that leaves the app, and every one a hostile file's canary would make. */
function watchRequests(page: Page): string[] {
  const prefix = appPrefix(page);
  const offending: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    const ownOrigin = url.startsWith(prefix) || url.startsWith(`blob:${prefix}`) || url.startsWith('data:');
    if (!ownOrigin || url.includes('/canary/')) offending.push(url);
  });
  page.on('dialog', (dialog) => {
    offending.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return offending;
}

test('hostile documents imported through the UI run nothing and load nothing', async ({ page }) => {
  const offending = watchRequests(page);
  const titleBefore = await page.title();

  const chooserOpened = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooserOpened).setFiles(hostileFiles.map((name) => path.join(HOSTILE_DIR, name)));

  const library = page.getByRole('navigation', { name: 'Library' });
  const reader = page.getByRole('main', { name: 'Reader' });
  for (const name of hostileFiles) {
    const title = name.endsWith('.md') ? 'Hostile Markdown' : `Hostile page: ${name}`;
    await library.getByRole('button', { name: title, exact: true }).click();
    await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const article = reader.locator('article');
    await expect(article).toContainText('which must import as text alone');
    // Give anything that could run a chance to: hover and click through the text, then wait a beat.
    await article.hover();
    await article.getByRole('paragraph').first().click();
    await page.waitForTimeout(150);
  }

  expect(offending, 'requests outside the app, or canaries that ran').toEqual([]);
  expect(await page.title()).toBe(titleBefore);
});
