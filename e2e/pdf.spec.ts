import path from 'node:path';
import type { Locator, Page, Request } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { highlightOpening, highlightsPanel, importFiles, paragraphStarting, reader } from './user-actions';

const SEARCH_CHORD = process.platform === 'darwin' ? 'Meta+K' : 'Control+K';

const DOCUMENTS = path.resolve(REPO_ROOT, '../shared/testdata/documents');
const TRACEMONKEY = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
const documentTitle = (page: Page, title: string) => reader(page).getByRole('heading', { level: 1, name: title, exact: true });
const pagesOf = (page: Page, title: string) => reader(page).getByRole('region', { name: `Pages of ${title}`, exact: true });
// pdf.js names each page "Page N", the number wrapped in Unicode isolation marks by its localisation.
const pageRegion = (pages: Locator, pageNumber: number) => pages.getByRole('region', { name: new RegExp(`^Page \\u2068?${pageNumber}\\u2069?$`) });

/** Requests that leave the app: none may, whatever a PDF or pdf.js asks for. */
function watchRequests(page: Page): string[] {
  const leaks: string[] = [];
  const appOrigin = new URL(page.url()).origin;
  page.on('request', (request: Request) => {
    const url = request.url();
    if (!(url.startsWith(appOrigin) || url.startsWith('data:') || url.startsWith(`blob:${appOrigin}`))) leaks.push(url);
  });
  return leaks;
}

test('a PDF imported through Import shows its pages: page number, go to a page by typing it, zoom, and nothing asked of the network', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const leaks = watchRequests(page);
  await importFiles(page, path.join(DOCUMENTS, 'tracemonkey.pdf'));
  await expect(documentTitle(page, TRACEMONKEY)).toBeVisible({ timeout: 60_000 });

  const pages = pagesOf(page, TRACEMONKEY);
  const pageNumber = reader(page).getByRole('textbox', { name: 'Page', exact: true });
  await expect(pageNumber).toHaveValue('1', { timeout: 30_000 });
  await expect(pageNumber).toHaveAccessibleDescription('of 14');
  await expect(reader(page).getByText('of 14', { exact: true })).toBeVisible();
  // The first page is drawn, with a text layer holding its words.
  await expect(pageRegion(pages, 1).locator('canvas')).toBeVisible();
  await expect(pageRegion(pages, 1)).toContainText('Trace-based Just-in-Time');

  await pageNumber.fill('3');
  await pageNumber.press('Enter');
  await expect(pageRegion(pages, 3)).toBeInViewport();
  await pages.focus();
  await expect(pageNumber).toHaveValue('3');

  // The keyboard scrolls the pages once they have focus.
  const before = await pages.evaluate((element) => element.scrollTop);
  await page.keyboard.press('PageDown');
  await expect.poll(() => pages.evaluate((element) => element.scrollTop)).toBeGreaterThan(before);

  const zoom = reader(page).getByRole('group', { name: 'Pages' });
  const shownScale = zoom.getByText(/^\d+%$/);
  const fitted = await shownScale.textContent();
  await zoom.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(shownScale).not.toHaveText(fitted ?? '');
  await zoom.getByRole('button', { name: 'Fit width', exact: true }).click();
  await expect(shownScale).toHaveText(fitted ?? '');

  // Its extracted text, where passages are highlighted, is one button away, and the pages one back.
  await reader(page).getByRole('button', { name: 'Show text', exact: true }).click();
  await expect(reader(page).getByRole('article', { description: /^Read only/ })).toContainText('an elegant and efficient way');
  await reader(page).getByRole('button', { name: 'Show pages', exact: true }).click();
  await expect(reader(page).getByRole('textbox', { name: 'Page', exact: true })).toHaveValue('1', { timeout: 30_000 });

  await expectNoSeriousViolations(page, testInfo, 'reader showing a PDF’s pages');
  expect(leaks, 'requests outside the app').toEqual([]);
});

test('a scanned PDF shows its pages and says its text cannot be highlighted or searched', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, path.join(DOCUMENTS, 'issue7229.pdf'));
  await expect(documentTitle(page, 'issue7229')).toBeVisible({ timeout: 60_000 });
  await expect(reader(page).getByText('This PDF is a scan: its pages have no text to highlight or search.', { exact: true })).toBeVisible();
  await expect(pageRegion(pagesOf(page, 'issue7229'), 1).locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(reader(page).getByRole('button', { name: 'Show text' })).toHaveCount(0);
});

test('a passage highlighted in a PDF\'s text is cited by its page, and its card and a search result open the pages there', async ({ page }) => {
  test.setTimeout(150_000);
  await importFiles(page, path.join(DOCUMENTS, 'tracemonkey.pdf'));
  await expect(documentTitle(page, TRACEMONKEY)).toBeVisible({ timeout: 60_000 });
  const pageNumber = reader(page).getByRole('textbox', { name: 'Page', exact: true });
  await expect(pageNumber).toHaveValue('1', { timeout: 30_000 });

  await reader(page).getByRole('button', { name: 'Show text', exact: true }).click();
  const passage = await highlightOpening(page, paragraphStarting(page, 'Dynamic languages such as JavaScript are more'));
  const card = highlightsPanel(page).getByRole('listitem').filter({ hasText: passage });
  await expect(card).toContainText('p. 1');

  // Opened again, the PDF shows its pages, and the passage keeps its card and page.
  await page.reload();
  await expect(pageNumber).toHaveValue('1', { timeout: 60_000 });
  await expect(card).toContainText('p. 1');
  const pages = pagesOf(page, TRACEMONKEY);
  await pageNumber.fill('5');
  await pageNumber.press('Enter');
  await expect(pageRegion(pages, 5)).toBeInViewport();
  await card.getByRole('button', { name: /^Go to highlight/ }).click();
  await expect(pageRegion(pages, 1)).toBeInViewport();

  // A search result in the PDF opens its pages at the page of the words found.
  await pageNumber.fill('5');
  await pageNumber.press('Enter');
  await expect(pageRegion(pages, 5)).toBeInViewport();
  await page.keyboard.press(SEARCH_CHORD);
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).pressSequentially('incrementally compiling');
  await search.getByRole('group', { name: 'Documents', exact: true }).getByRole('option').filter({ hasText: TRACEMONKEY }).click();
  await expect(search).toBeHidden();
  await expect(pageRegion(pages, 1)).toBeInViewport();
});
