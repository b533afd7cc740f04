import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, importFiles, noteView, openBundledArticle, reader, showView } from './user-actions';

/*
 * A library as a researcher's grows: hundreds of documents. The sidebar shows one list at a time,
 * each one Tab stop moved through with the arrows and narrowed by typing, and the keyboard gets
 * from anywhere to any view in a few keys.
 */

const REPORTS = 300;
const reportTitle = (n: number) => `Field report ${String(n).padStart(3, '0')} from the Sahél`;
const reports = () =>
  Array.from({ length: REPORTS }, (_, i) => ({
    name: `report-${i + 1}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(`# ${reportTitle(i + 1)}\n\nThe convoy crossed the river near Gao on day ${i + 1}. Réfugiés à Tombouctou 🚚.\n`),
  }));

const documents = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Documents' });
const documentRow = (page: Page, title: string) => documents(page).getByRole('button', { name: title, exact: true });

test('a library of 300 documents is one Tab stop, moved through with the arrows and narrowed by typing', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await importFiles(page, reports());
  const status = page.getByRole('navigation', { name: 'Library' }).getByRole('status');
  await expect(status).toContainText(`Imported ${REPORTS} documents.`, { timeout: 90_000 });

  // The list knows it holds every document, but mounts only a screenful or so of them.
  const rows = documents(page).getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(REPORTS + 1));
  expect(await rows.count()).toBeLessThan(REPORTS / 2);

  // The open document's row is the list's one Tab stop; End goes to the far end of the list.
  await documentRow(page, BUNDLED_TITLE).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  await documentRow(page, BUNDLED_TITLE).focus();
  await page.keyboard.press('End');
  const lastRow = documents(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: reportTitle(REPORTS) }) });
  await expect(lastRow.getByRole('button')).toBeFocused();
  await expect(lastRow).toBeInViewport();
  await expect(lastRow).toHaveAttribute('aria-posinset', String(REPORTS + 1));
  await page.keyboard.press('ArrowUp');
  await expect(documentRow(page, reportTitle(REPORTS - 1))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('heading', { level: 1, name: reportTitle(REPORTS - 1) })).toBeVisible();
  // Tab leaves the list at once instead of walking its rows.
  await documentRow(page, reportTitle(REPORTS - 1)).focus();
  await page.keyboard.press('Tab');
  await expect(documents(page).getByRole('button').and(page.locator(':focus'))).toHaveCount(0);

  // Typing on the list narrows it: accents need not be typed.
  await documentRow(page, reportTitle(REPORTS - 1)).focus();
  await page.keyboard.type('sahel 150');
  const filter = page.getByRole('searchbox', { name: 'Filter documents' });
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('sahel 150');
  await expect(documents(page).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(documentRow(page, reportTitle(150))).toBeFocused();
  await attachScreenshot(page, testInfo, 'library-filtered-light');
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(REPORTS + 1));
});

test('from anywhere, a new note is a few keys away, and the skip link jumps past the sidebar', async ({ page }, testInfo) => {
  // The first Tab of the page offers to skip the sidebar.
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader(page)).toBeFocused();

  // From the reader: F6 to the sidebar's view tabs, Right to Notes, Tab to New note, Enter.
  await openBundledArticle(page);
  await reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE }).click();
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: 'Library' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'New note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(noteView(page).getByLabel('Note title')).toBeFocused();
  await attachScreenshot(page, testInfo, 'notes-view-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'notes-view-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // F6 again goes back to the main area; the view chosen is kept across a reload.
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: 'Notes' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(noteView(page)).toBeFocused();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await showView(page, 'Library');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
});
