import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import { highlightOpening, highlightsPanel, importFiles, paragraphStarting, reader } from './user-actions';

/*
 * A PDF read as its text: imported through Import, its words highlighted and searched like any
 * document's, and a scan said to have no text rather than shown as an empty page.
 */
const DOCUMENTS = path.resolve(REPO_ROOT, '../shared/testdata/documents');
const PAPER = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
const SEARCH_CHORD = process.platform === 'darwin' ? 'Meta+K' : 'Control+K';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const titleOf = (page: Page, title: string) => reader(page).getByRole('heading', { level: 1, name: title, exact: true });

test('a PDF imported through Import is read, highlighted and found by its words; a scan says it has no text', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, [path.join(DOCUMENTS, 'tracemonkey.pdf'), path.join(DOCUMENTS, 'issue7229.pdf')]);
  await library(page).getByRole('button', { name: PAPER }).click();
  await expect(titleOf(page, PAPER)).toBeVisible({ timeout: 60_000 });
  // A PDF is not replaced by a newer text: its pages would cite the wrong words.
  await expect(reader(page).getByRole('button', { name: 'Replace with newer version…' })).toHaveCount(0);

  const passage = await highlightOpening(page, paragraphStarting(page, 'Dynamic languages such as JavaScript are'));
  expect(passage).toMatch(/^Dynamic languages/);
  await page.reload();
  await expect(titleOf(page, PAPER)).toBeVisible({ timeout: 60_000 });
  await expect(highlightsPanel(page).getByRole('listitem').filter({ hasText: passage })).toBeVisible();

  // Its words are searched as any document's: "efficient" is printed with a ligature in the file.
  await page.keyboard.press(SEARCH_CHORD);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox', { name: 'Search' }).pressSequentially('efficient');
  await expect(dialog.getByRole('group', { name: 'Documents', exact: true }).getByRole('option').filter({ hasText: PAPER })).toBeVisible();
  await page.keyboard.press('Escape');

  await library(page).getByRole('button', { name: 'issue7229' }).click();
  await expect(titleOf(page, 'issue7229')).toBeVisible();
  await expect(reader(page).getByText('This PDF is a scan: its 2 pages have no text to highlight or search.')).toBeVisible();
});
