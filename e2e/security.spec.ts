import fs from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import {
  addActor,
  BUNDLED_TITLE,
  exportFrom,
  highlightOpening,
  importFiles,
  newNote,
  noteBody,
  openBundledArticle,
  paragraphStarting,
  reader,
  tagCard,
  waitForSaved,
} from './user-actions';

const HOSTILE_DIR = path.join(REPO_ROOT, 'main', 'core', 'import', 'hostile-documents');
const hostileFiles = fs.readdirSync(HOSTILE_DIR).filter((name) => /\.(html|md)$/.test(name));

/** The app's own origin, written as a prefix: app://fieldbook/ in Electron, http://127.0.0.1:PORT/ in the browser host. */
function appPrefix(page: Page): string {
  const url = new URL(page.url());
  return `${url.protocol}//${url.host}/`;
}

/**
 * Waits for the page to paint and then be idle: whatever the last action set off (an image asked
 * for, a handler run, a task queued) has happened by then, and a request it made has been seen.
 */
async function pageSettled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve()))));
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

  await importFiles(page, hostileFiles.map((name) => path.join(HOSTILE_DIR, name)));

  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('status').filter({ hasText: `Imported ${hostileFiles.length} documents.` })).toBeVisible();
  for (const name of hostileFiles) {
    const title = name.endsWith('.md') ? 'Hostile Markdown' : `Hostile page: ${name}`;
    await library.getByRole('button', { name: title, exact: true }).click();
    await expect(reader(page).getByRole('heading', { level: 1, name: title })).toBeVisible();
    const article = reader(page).locator('article');
    await expect(article).toContainText('which must import as text alone');
    // Give anything that could run a chance to: hover and click through the text, then let the page settle.
    await article.hover();
    await article.getByRole('paragraph').first().click();
    await pageSettled(page);
  }

  expect(offending, 'requests outside the app, or canaries that ran').toEqual([]);
  expect(await page.title()).toBe(titleBefore);
});

test('a whole working session stays inside the app: import, highlight, tag, note, search, export', async ({ page }) => {
  const offending = watchRequests(page);

  await importFiles(page, {
    name: 'gao.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Notes from Gao\n\n![market](https://example.com/market.jpg)\n\nThe market reopened.\n'),
  });
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Notes from Gao' })).toBeVisible();

  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await openBundledArticle(page);
  const passage = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await tagCard(page, passage, 'AQIM');

  await newNote(page, 'Session notes');
  await page.keyboard.type('Sanctuaries need protection, says @AQ');
  await page.getByRole('listbox', { name: 'Mention actor' }).getByRole('option').first().click();
  await waitForSaved(page);

  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).fill('wadoud');
  await expect(search.locator('mark', { hasText: 'Wadoud' }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();

  const exported = await exportFrom(page, reader(page), 'Export', 'Annotations as Markdown');
  expect(exported.bytes.toString('utf8')).toContain(passage);

  expect(offending, 'requests outside the app').toEqual([]);
});

test('hostile HTML pasted into a note keeps its words and nothing that runs or loads', async ({ page }) => {
  const offending = watchRequests(page);
  await newNote(page, 'Pasted');
  // What another app puts on the clipboard when copying from a hostile page.
  await noteBody(page).evaluate((body) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p>Copied words about Timbuktu.</p><img src="/canary/paste.png" onerror="fetch(\'/canary/paste-onerror\')">' +
        '<script>fetch("/canary/paste-script")</script><a href="javascript:fetch(\'/canary/paste-link\')">a link</a>' +
        '<iframe src="/canary/paste-iframe"></iframe><p style="background:url(/canary/paste-css)">styled</p>',
    );
    data.setData('text/plain', 'Copied words about Timbuktu.');
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(noteBody(page)).toContainText('Copied words about Timbuktu.');
  await waitForSaved(page);
  await page.reload();
  await expect(noteBody(page)).toContainText('Copied words about Timbuktu.');
  await expect(noteBody(page).locator('img, script, iframe, [style*="url"], a[href^="javascript"]')).toHaveCount(0);
  await pageSettled(page);
  expect(offending, 'requests outside the app, or canaries that ran').toEqual([]);
});

test('bad files are refused by name and the library is exactly as it was', async ({ page }, testInfo) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
  const archive = async () => {
    const { bytes } = await exportFrom(page, library, 'Export library', 'Library archive (JSON)');
    const { exportedAt: _at, ...content } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    return content;
  };
  const before = await archive();

  const dir = testInfo.outputPath('bad-files');
  fs.mkdirSync(dir, { recursive: true });
  const huge = path.join(dir, 'huge.txt');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 100 * 1024 * 1024);
  // A large binary file read first gives the app time to reach the next file after it is gone.
  const padding = path.join(dir, 'scan.txt');
  fs.writeFileSync(padding, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.alloc(15 * 1024 * 1024, 7)]));
  const vanishing = path.join(dir, 'vanishing.md');
  fs.writeFileSync(vanishing, '# Gone\n\nThis file is deleted while the import runs.\n');
  const latin1 = path.join(dir, 'latin1.txt');
  fs.writeFileSync(latin1, Buffer.from('Caf\xe9 au lait, Tombouctou\n', 'latin1'));

  await importFiles(page, [latin1, huge, padding, vanishing]);
  fs.rmSync(vanishing);

  // Refusals are listed once the whole batch has been read, 15 MB of it: bounded for a busy machine.
  await expect(page.getByRole('alert').filter({ hasText: 'was not imported' })).toBeVisible({ timeout: 60_000 });
  for (const message of [
    'latin1.txt was not imported: it is not valid UTF-8 text.',
    'huge.txt was not imported: the file is 100 MB, over the 20 MB limit.',
    'scan.txt was not imported: it is a binary file, not text.',
    /vanishing\.md was not imported: the file could not be read/,
  ]) {
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }

  // Still responsive: the article opens, and the library holds exactly what it held.
  await openBundledArticle(page);
  expect(await archive()).toEqual(before);
});
