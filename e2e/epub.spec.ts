import fs from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { addActor, highlightOpening, highlightsPanel, importFiles, paragraphStarting, reader, tagCard } from './user-actions';

const DOCUMENTS = path.resolve(REPO_ROOT, '../shared/testdata/documents');
const bookTitle = (page: Page, title: string) => reader(page).getByRole('heading', { level: 1, name: title, exact: true }).first();

test('an EPUB imported through Import opens at a chapter from its Contents; a passage highlighted there cites its chapter, stays after a reload, is tagged, found with Ctrl+K and exported', async ({ page }) => {
  // A 1.6 MB book crosses into the page and is read chapter by chapter: bounded for a busy machine.
  test.setTimeout(180_000);
  await importFiles(page, path.join(DOCUMENTS, 'moby-dick.epub'));
  await expect(bookTitle(page, 'Moby-Dick')).toBeVisible({ timeout: 90_000 });

  // The Contents menu, from the keyboard: it opens on its first chapter and Escape gives focus back.
  const contents = reader(page).getByRole('button', { name: 'Contents', exact: true });
  await contents.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Contents' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(contents).toBeFocused();

  await contents.click();
  await menu.getByRole('menuitem', { name: 'Chapter 9. The Sermon.', exact: true }).click();
  await expect(menu).toBeHidden();
  const chapterHeading = reader(page).locator('article').getByRole('heading', { name: 'Chapter 9. The Sermon.', exact: true });
  await expect(chapterHeading).toBeInViewport();

  const passage = await highlightOpening(page, paragraphStarting(page, 'Father Mapple rose'));
  expect(passage).toMatch(/^Father Mapple/);

  const card = highlightsPanel(page).getByRole('listitem').filter({ hasText: passage });
  await expect(card).toContainText('Chapter 9. The Sermon.');
  await addActor(page, 'Father Mapple', 'Person');
  await tagCard(page, passage, 'Father Mapple');

  await page.reload();
  await expect(bookTitle(page, 'Moby-Dick')).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText('Chapter 9. The Sermon.');
  await expect(card).toContainText('Father Mapple');

  // Found with Ctrl+K by a word of the passage, among the book's many matches, and opened there.
  await reader(page).getByRole('heading', { level: 1 }).first().click();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+K' : 'Control+K');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).pressSequentially('Father Mapple rose');
  // Chosen once the answer to the whole query is in: an earlier one's list is replaced under the pointer.
  await expect(search.getByRole('listbox', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
  const found = search.getByRole('group', { name: 'Highlights', exact: true }).getByRole('option').first();
  await expect(found.locator('mark').filter({ hasText: /^rose$/i }).first()).toBeVisible();
  await found.click();
  await expect(search).toBeHidden();
  await expect(reader(page).getByRole('paragraph').filter({ hasText: /^\s*Father Mapple rose/ })).toBeInViewport();

  // Exported with the keyboard: the book's chapters are still being laid out around the menu, which a pointer would chase.
  await reader(page).getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Export' }).getByRole('menuitem').first()).toBeFocused();
  const downloaded = page.waitForEvent('download');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Annotations as W3C Web Annotation (JSON-LD)' })).toBeFocused();
  await page.keyboard.press('Enter');
  const file = await (await downloaded).path();
  const annotations = JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')));
  expect(annotations).toContain(`"exact":${JSON.stringify(passage).slice(0, 20)}`);
  // Its chapter (9, The Sermon) as a reading system names it: an EPUB CFI, refined by the quote.
  expect(annotations).toContain('"conformsTo":"http://www.idpf.org/epub/linking/cfi/epub-cfi.html","value":"epubcfi(/6/30!/4)"');
});

test('an Arabic EPUB reads right to left, and the reader with its Contents open passes axe', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await importFiles(page, path.join(DOCUMENTS, 'regime-anticancer-arabic.epub'));
  await expect(bookTitle(page, 'Le Vrai Régime anti-cancer')).toBeVisible({ timeout: 60_000 });
  // The document's own article, not one of the book's (its footnotes are articles too).
  const article = reader(page).getByRole('article', { description: /^Read only/ });
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');

  await reader(page).getByRole('button', { name: 'Contents', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Contents' }).getByRole('menuitem').first()).toBeFocused();
  await expectNoSeriousViolations(page, testInfo, 'reader with a book’s contents');
});

test('the script in an EPUB never runs: no request to 127.0.0.9, the title unchanged', async ({ page }) => {
  const leaks: string[] = [];
  const appOrigin = new URL(page.url()).origin;
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url.includes('127.0.0.9') || !(url.startsWith(appOrigin) || url.startsWith('data:') || url.startsWith(`blob:${appOrigin}`))) leaks.push(url);
  });
  const titleBefore = await page.title();

  await importFiles(page, path.join(DOCUMENTS, 'wasteland-script.epub'));
  await expect(bookTitle(page, 'The Waste Land')).toBeVisible({ timeout: 60_000 });
  const article = reader(page).locator('article');
  await expect(article).toContainText('April is the cruellest month');
  // Whatever could run is given its chances: the text is hovered and clicked through.
  await article.hover();
  await article.getByText('April is the cruellest month').click();
  await expect(article.locator('script')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.title()).toBe(titleBefore);
  expect(leaks, 'requests outside the app, or to the script’s address').toEqual([]);
});
