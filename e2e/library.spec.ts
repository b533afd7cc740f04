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

/** Drags files from outside the window (the system's file manager) and drops them on the reader. */
async function dropFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((dropped) => {
    const transfer = new DataTransfer();
    for (const { name, text } of dropped) transfer.items.add(new File([text], name, { type: 'text/markdown' }));
    return transfer;
  }, files);
  const target = reader(page);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import into the library')).toBeVisible();
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Drop to import into the library')).toBeHidden();
}

test('files dropped on the window are imported, and one already there links to it', async ({ page }) => {
  const notes = { name: 'gao-notes.md', text: gaoNotes.buffer.toString('utf8') };
  await dropFiles(page, [notes]);
  await expect(libraryPane(page).getByRole('button', { name: 'Field notes from Gao' })).toBeVisible();
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Field notes from Gao' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported “Field notes from Gao”.' })).toBeVisible();

  await openBundledArticle(page);
  await dropFiles(page, [notes]);
  const status = page.getByRole('status').filter({ hasText: 'gao-notes.md is already in the library as “Field notes from Gao”.' });
  await expect(status).toBeVisible();
  await expect(listedDocuments(page)).toHaveCount(2);
  await openBundledArticle(page);
  await status.getByRole('button', { name: 'Open “Field notes from Gao”' }).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Field notes from Gao' })).toBeVisible();
});

test('a long import says how far it has got and can be cancelled, keeping what was imported', async ({ page }) => {
  // Each file is too large to share a call with another, so the import goes a file at a time.
  const reports = Array.from({ length: 12 }, (_, index) => {
    const paragraph = `Report ${index + 1} records a convoy near Gao and the ferry at Kidal. `.repeat(40);
    const text = Array.from({ length: 320 }, (_, line) => `${line}. ${paragraph}`).join('\n\n');
    return { name: `report-${index + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Report ${index + 1}\n\n${text}`) };
  });
  await importFiles(page, reports);
  await expect(page.getByRole('status').filter({ hasText: /^Importing 12 files: \d+ done/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();

  const cancelled = page.getByRole('status').filter({ hasText: /Import cancelled: \d+ files? not imported\./ });
  await expect(cancelled).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel import' })).toBeHidden();
  const notImported = Number(/cancelled: (\d+)/.exec((await cancelled.textContent()) ?? '')?.[1]);
  expect(notImported).toBeGreaterThan(0);
  // The bundled article, and every report imported before the cancel: nothing half-added.
  await expect(listedDocuments(page)).toHaveCount(1 + 12 - notImported);
});

test('a document opens where it was left, after a reload too', async ({ page }) => {
  const paragraphs = Array.from({ length: 60 }, (_, index) => `Paragraph ${index + 1} follows the convoy from Gao to Kidal along the river, day by day.`);
  await importFiles(page, [{ name: 'convoy-log.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Convoy log\n\n${paragraphs.join('\n\n')}\n`) }]);
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Convoy log' })).toBeVisible();
  const paragraph = (n: number) => reader(page).getByRole('paragraph').filter({ hasText: `Paragraph ${n} follows` });
  await paragraph(45).scrollIntoViewIfNeeded();
  await expect(paragraph(45)).toBeInViewport();

  await openBundledArticle(page);
  await page.reload();
  await libraryPane(page).getByRole('button', { name: 'Convoy log' }).click();
  await expect(paragraph(45)).toBeInViewport();
  await expect(paragraph(1)).not.toBeInViewport();

  // The bundled article was left at its start, and opens there.
  await openBundledArticle(page);
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeInViewport();
});

test('a place scrolled to before the saved one came back is the one kept', async ({ page }) => {
  // The library answers "where was this left" late, as a busy machine does: the person scrolls meanwhile.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/op/documents.readingPosition', async (route) => {
    await released;
    await route.continue();
  });
  const paragraphs = Array.from({ length: 60 }, (_, index) => `Paragraph ${index + 1} follows the convoy from Gao to Kidal along the river, day by day.`);
  await importFiles(page, [{ name: 'convoy-log.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Convoy log\n\n${paragraphs.join('\n\n')}\n`) }]);
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Convoy log' })).toBeVisible();
  const paragraph = (n: number) => reader(page).getByRole('paragraph').filter({ hasText: `Paragraph ${n} follows` });
  await paragraph(45).scrollIntoViewIfNeeded();
  const answered = page.waitForResponse('**/api/op/documents.readingPosition');
  release();
  await answered;
  await expect(paragraph(45)).toBeInViewport();
  await page.unroute('**/api/op/documents.readingPosition');

  await openBundledArticle(page);
  await page.reload();
  await libraryPane(page).getByRole('button', { name: 'Convoy log' }).click();
  await expect(paragraph(45)).toBeInViewport();
});

test('a link to the web says what Fieldbook does with it, and gives its address', async ({ page, app }) => {
  const brief = '# Panel brief\n\nThe [panel’s final report](https://www.un.org/securitycouncil/report) names the convoy routes.\n';
  await importFiles(page, [{ name: 'panel-brief.md', mimeType: 'text/markdown', buffer: Buffer.from(brief) }]);
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Panel brief' })).toBeVisible();
  const pageUrl = page.url();

  await reader(page).getByRole('link', { name: 'panel’s final report' }).click();
  const notice = page.getByRole('region', { name: 'Link to a web page' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('textbox', { name: 'Address' })).toHaveValue('https://www.un.org/securitycouncil/report');
  if (app.kind === 'electron') await expect(notice.getByRole('button', { name: 'Open in browser…' })).toBeFocused();
  else {
    await expect(notice).toContainText('Fieldbook does not open web pages: it never uses the network.');
    await expect(notice.getByRole('button', { name: 'Copy address' })).toBeFocused();
  }
  // The app stayed where it was.
  expect(page.url()).toBe(pageUrl);
  await page.keyboard.press('Escape');
  await expect(notice).toBeHidden();
});
