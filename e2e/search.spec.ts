import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import {
  BUNDLED_TITLE,
  highlightOpening,
  highlightsPanel,
  importFiles,
  newNote,
  noteView,
  openBundledArticle,
  openCard,
  paragraphStarting,
  reader,
  waitForSaved,
} from './user-actions';
const MAC = process.platform === 'darwin';
const SEARCH_CHORD = MAC ? 'Meta+K' : 'Control+K';
const FIND_CHORD = MAC ? 'Meta+F' : 'Control+F';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search' });
const group = (page: Page, name: string) => dialog(page).getByRole('group', { name, exact: true });
const findBar = (page: Page) => page.getByRole('search', { name: 'Find in document' });

test('Ctrl+K finds the article by a word and opens it at that word', async ({ page }, testInfo) => {
  await expect(library(page).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();
  const opener = page.getByRole('button', { name: 'Search…' });
  await opener.focus();
  await page.keyboard.press(SEARCH_CHORD);
  await expect(dialog(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await expect(dialog(page).getByText('Search documents, highlights and their comments, notes, actors, themes and analyses.')).toBeVisible();

  // Escape closes it and gives focus back to where it was.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await expect(searchBox(page)).toBeFocused();
  await searchBox(page).pressSequentially('wadoud');
  const documents = group(page, 'Documents');
  const result = documents.getByRole('option').filter({ hasText: BUNDLED_TITLE });
  await expect(result).toBeVisible();
  await expect(result.locator('mark').filter({ hasText: /^Wadoud$/ }).first()).toBeVisible();
  await expect(result).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await result.getAttribute('id'))!);
  await attachScreenshot(page, testInfo, 'search-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'search-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  const paragraph = reader(page).locator('article').getByRole('paragraph').filter({ hasText: 'Abu Musab Abdel Wadoud, the leader of AQIM' });
  await expect(paragraph).toBeInViewport();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).not.toBeInViewport();
});

/**
 * Three reports whose one convoy sentence differs by its day and sits further down each time, below
 * the first screen: a snippet or a jump taken from another report, or from the top, shows.
 */
function fieldReport(n: number) {
  const preamble = Array.from({ length: 30 + n * 15 }, (_, i) => `Log entry ${i}: the patrol waited at the ferry for news.`).join('\n\n');
  const text = `# Field report ${n}\n\n${preamble}\n\nThe convoy crossed the river near Gao on day ${n}, watched from the bank.\n`;
  return { name: `field-report-${n}.md`, mimeType: 'text/markdown', buffer: Buffer.from(text) };
}

test('each matching document shows its own passage and opens at its own place', async ({ page }) => {
  await importFiles(page, [1, 2, 3].map(fieldReport));
  for (const n of [1, 2, 3]) await expect(library(page).getByRole('button', { name: `Field report ${n}` })).toBeVisible();

  for (const n of [1, 2, 3]) {
    await page.keyboard.press(SEARCH_CHORD);
    await searchBox(page).fill('convoy');
    const options = group(page, 'Documents').getByRole('option');
    await expect(options).toHaveCount(3);
    for (const m of [1, 2, 3]) {
      await expect(options.filter({ hasText: `Field report ${m}` })).toContainText(`crossed the river near Gao on day ${m},`);
    }
    await options.filter({ hasText: `Field report ${n}` }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(reader(page).getByRole('heading', { level: 1, name: `Field report ${n}` })).toBeVisible();
    const sentence = reader(page).locator('article').getByRole('paragraph').filter({ hasText: `near Gao on day ${n},` });
    await expect(sentence).toBeInViewport();
    await expect(reader(page).getByRole('heading', { level: 1, name: `Field report ${n}` })).not.toBeInViewport();
  }
});

test('nothing found says so, and filters narrow the kinds', async ({ page }) => {
  await openBundledArticle(page);
  await page.keyboard.press(SEARCH_CHORD);
  await searchBox(page).fill('zanzibarquux');
  await expect(dialog(page).getByText('No results for “zanzibarquux”')).toBeVisible();

  await searchBox(page).fill('sanctuary');
  await expect(group(page, 'Documents').getByRole('option')).toHaveCount(1);
  const highlightsOnly = dialog(page).getByRole('button', { name: 'Highlights', exact: true });
  await highlightsOnly.click();
  await expect(highlightsOnly).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog(page).getByText('No results for “sanctuary”')).toBeVisible();
  await expect(group(page, 'Documents')).toHaveCount(0);
  await dialog(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(group(page, 'Documents').getByRole('option')).toHaveCount(1);
  await expect(dialog(page).getByRole('combobox', { name: 'Actor' })).toBeVisible();
  await expect(dialog(page).getByRole('combobox', { name: 'Colour' })).toBeVisible();
  await expect(dialog(page).getByRole('combobox', { name: 'Document' })).toBeVisible();
});

test('a highlight is found by a word of its comment and opens in its document', async ({ page }) => {
  await openBundledArticle(page);
  const paragraph = paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary');
  const passage = await highlightOpening(page, paragraph);
  const panel = highlightsPanel(page);
  const comment = (await openCard(panel.getByRole('listitem').filter({ hasText: passage }))).getByRole('textbox', { name: 'Comment' });
  await comment.fill('Compare with the Sahelian mausoleums.');
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.keyboard.press(SEARCH_CHORD);
  await searchBox(page).pressSequentially('mausoleum');
  const result = group(page, 'Highlights').getByRole('option');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(BUNDLED_TITLE);
  await expect(result.locator('mark')).toHaveText('mausoleums');
  await result.click();
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(/#\/document\/\d+\/highlight\/\d+$/);
  await expect(paragraph).toBeInViewport();
});

test('a note is found by a word in its text and opens', async ({ page }) => {
  await newNote(page, 'Field trip plan');
  await page.keyboard.type('Interview the Timbuktu librarians about the manuscripts.');
  await waitForSaved(page);
  await openBundledArticle(page);

  await page.keyboard.press(SEARCH_CHORD);
  await searchBox(page).pressSequentially('librarian');
  const result = group(page, 'Notes').getByRole('option');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText('Field trip plan');
  await expect(result.locator('mark')).toHaveText('librarians');
  // The note is the only result, so it is the active one.
  await page.keyboard.press('ArrowDown');
  await expect(result).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(noteView(page).getByRole('textbox', { name: 'Note title' })).toHaveValue('Field trip plan');
});

test('Ctrl+F finds every match in the open document and steps through them', async ({ page }, testInfo) => {
  await openBundledArticle(page);
  const text = await reader(page).locator('article').innerText();
  const expected = text.match(/aqim/gi)?.length ?? 0;
  expect(expected).toBeGreaterThan(2);

  await reader(page).locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(FIND_CHORD);
  const input = findBar(page).getByRole('searchbox', { name: 'Find in document' });
  await expect(input).toBeFocused();
  await input.pressSequentially('AQIM');
  const count = findBar(page).getByRole('status');
  await expect(count).toHaveText(`1 of ${expected}`);
  await findBar(page).getByRole('button', { name: 'Next' }).click();
  await expect(count).toHaveText(`2 of ${expected}`);
  await input.press('Enter');
  await expect(count).toHaveText(`3 of ${expected}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  await attachScreenshot(page, testInfo, 'find-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'find-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await findBar(page).getByRole('button', { name: 'Previous' }).click();
  await findBar(page).getByRole('button', { name: 'Previous' }).click();
  await expect(count).toHaveText(`${expected} of ${expected}`);

  // Accents and case don't matter: "liberation" finds "Libération".
  await input.fill('liberation');
  await expect(count).toHaveText(/^1 of \d+$/);
  await input.fill('zzzqx');
  await expect(count).toHaveText('No matches');

  await input.press('Escape');
  await expect(findBar(page)).toBeHidden();
  // The document's text is untouched by finding in it.
  expect(await reader(page).locator('article').innerText()).toBe(text);
});
