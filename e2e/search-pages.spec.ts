import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import { importFiles, reader } from './user-actions';

const SEARCH_CHORD = process.platform === 'darwin' ? 'Meta+K' : 'Control+K';
const DOCUMENTS = path.resolve(REPO_ROOT, '../shared/testdata/documents');
const TRACEMONKEY = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search' });
/** The paper's result, named by its title, then where its passage is, then the passage. */
const paperAt = (page: Page, place: string) =>
  dialog(page)
    .getByRole('group', { name: 'Documents', exact: true })
    .getByRole('option', { name: new RegExp(`^${TRACEMONKEY}\\W+${place.replace('.', '\\.')}(?!\\d)`) });

test('Ctrl+K says on which page of a PDF the words were found, and opens the pages there', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, path.join(DOCUMENTS, 'tracemonkey.pdf'));
  await expect(reader(page).getByRole('heading', { level: 1, name: TRACEMONKEY, exact: true })).toBeVisible({ timeout: 60_000 });
  const pageNumber = reader(page).getByRole('textbox', { name: 'Page', exact: true });
  await expect(pageNumber).toHaveValue('1', { timeout: 30_000 });

  // An author's name, on the first page.
  await page.keyboard.press(SEARCH_CHORD);
  await searchBox(page).pressSequentially('Haghighat');
  await expect(paperAt(page, 'p. 1')).toBeVisible();

  // A word found once, on the fourth page: its result says so, and opens the pages there.
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially('translation');
  const fourth = paperAt(page, 'p. 4');
  await expect(fourth).toBeVisible();
  await expect(fourth).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(pageNumber).toHaveValue('4');
});

test('a word in two PDFs and a book: each result shows its own page or chapter and its own words, and opens there', async ({ page }) => {
  test.setTimeout(120_000);
  const library = page.getByRole('navigation', { name: 'Library' });
  await importFiles(page, ['tracemonkey.pdf', 'pdkids.pdf', 'moby-dick.epub'].map((name) => path.join(DOCUMENTS, name)));
  for (const title of [TRACEMONKEY, 'PD KIDS', 'Moby-Dick']) await expect(library.getByRole('button', { name: title })).toBeVisible({ timeout: 60_000 });

  await page.keyboard.press(SEARCH_CHORD);
  await searchBox(page).pressSequentially('trace');
  const documents = dialog(page).getByRole('group', { name: 'Documents', exact: true });
  await expect(dialog(page).getByRole('listbox', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
  const paper = documents.getByRole('option', { name: new RegExp(`^${TRACEMONKEY}`) });
  const story = documents.getByRole('option', { name: /^PD KIDS/ });
  const novel = documents.getByRole('option', { name: /^Moby-Dick/ });
  await expect(paper).toContainText('p. 6');
  await expect(paper).toContainText('Trace Guard Side Exit');
  await expect(story).toContainText('p. 9');
  await expect(story).toContainText('no trace could they find');
  // As typed, the last word is a prefix: "traces" counts too.
  await expect(novel).toContainText('Chapter 104. The Fossil Whale.');
  await expect(novel).toContainText('his pre-adamite traces in the stereotype plates');

  await story.click();
  await expect(dialog(page)).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1, name: 'PD KIDS', exact: true })).toBeVisible();
  await expect(reader(page).getByRole('textbox', { name: 'Page', exact: true })).toHaveValue('9', { timeout: 30_000 });
});
