import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, importFiles, openBundledArticle, paragraphStarting, reader } from './user-actions';

const gaoNotes = {
  name: 'gao-notes.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from('# Field notes from Gao\n\nThe river market reopened on Tuesday, and the ferry ran twice.\n'),
};

const libraryPane = (page: Page) => page.getByRole('navigation', { name: 'Library' });

/**
 * The documents the Library lists: the buttons of its list items. The pane's own controls (Import,
 * Dismiss) are not list items, and each document button is named by its title alone.
 */
const listedDocuments = (page: Page) => libraryPane(page).getByRole('listitem').getByRole('button');

test('a new library shows the bundled article', async ({ page }) => {
  const library = libraryPane(page);
  await expect(library.getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
  await expect(library.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
});

test('opening the bundled article shows its text without the page clutter', async ({ page }, testInfo) => {
  await openBundledArticle(page);
  await expect(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary')).toBeVisible();
  // The source page's comment form and navigation must have been left out at import.
  for (const clutter of ['Hello there', 'Leave a Reply', 'Skip to content']) {
    await expect(page.getByText(clutter), `"${clutter}" should not be shown`).toHaveCount(0);
  }

  await attachScreenshot(page, testInfo, 'reader-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'reader-dark');
});

test('importing a Markdown file adds it to the Library and opens it', async ({ page }) => {
  await importFiles(page, [gaoNotes]);

  await expect(page.getByRole('status').filter({ hasText: /gao-notes\.md|Field notes from Gao/ })).toBeVisible();
  await expect(libraryPane(page).getByRole('button', { name: 'Field notes from Gao' })).toBeVisible();
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Field notes from Gao' })).toBeVisible();
  await expect(reader(page).locator('article')).toContainText('The river market reopened on Tuesday');
  await expect(listedDocuments(page)).toHaveCount(2);
  await expect(libraryPane(page).getByRole('button', { name: BUNDLED_TITLE, exact: true })).toBeVisible();
});

test('refused files are named with the reason, and nothing is added', async ({ page }) => {
  const library = libraryPane(page);
  await expect(library.getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();

  await importFiles(page, [
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    // A PNG header and zero bytes: binary content behind a text extension.
    { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0, 0, 0, 0]) },
  ]);

  // One alert per refusal or one for all: either way each message must be visible.
  await expect(page.getByRole('alert').filter({ hasText: 'empty.txt was not imported: the file is empty.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'scan.txt was not imported' })).toBeVisible();
  await expect(listedDocuments(page)).toHaveCount(1);
  await expect(listedDocuments(page)).toHaveAccessibleName(BUNDLED_TITLE);
});

test('the library is still there after a reload', async ({ page }) => {
  await importFiles(page, [gaoNotes]);
  await expect(libraryPane(page).getByRole('button', { name: 'Field notes from Gao' })).toBeVisible();

  await page.reload();

  const library = libraryPane(page);
  await expect(library.getByRole('button', { name: 'Field notes from Gao' })).toBeVisible();
  await expect(library.getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
});
