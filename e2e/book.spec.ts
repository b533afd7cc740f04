import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addActor, BUNDLED_TITLE, highlightOpening, highlightsPanel, importFiles, openBundledArticle, paragraphStarting, reader, showView } from './user-actions';

const MAC = process.platform === 'darwin';
const SEARCH_CHORD = MAC ? 'Meta+K' : 'Control+K';
const FIND_CHORD = MAC ? 'Meta+F' : 'Control+F';

const BOOK_TITLE = 'Report of the panel on the northern routes';
/** The passage to highlight, once, nine tenths of the way through the book. */
const FAR_PASSAGE = 'The quartermaster counted forty-one camels at Tessalit before dawn';
/** A place named now and then all through the book, down to its last chapter. */
const RECURRING = 'Anefis';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const findBar = (page: Page) => page.getByRole('search', { name: 'Find in document' });

/**
 * A book of about 400,000 words in Markdown: chapters of paragraphs of plain prose (a seeded mix
 * of a small vocabulary), the recurring place name in every twentieth paragraph and the far
 * passage once. Returns the file and how often the place name occurs in it.
 */
function generateBook(): { file: { name: string; mimeType: string; buffer: Buffer }; recurring: number; words: number } {
  const vocabulary = (
    'the a of and to in convoy river patrol market ferry road desert well council elders trade salt cattle season rain ' +
    'water border post checkpoint truck fuel price village town district governor mayor report witness said that was were ' +
    'had been after before during while north south east west near far from with without against towards across along'
  ).split(' ');
  let seed = 0x5eed;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const paragraphs = 3_300;
  const lines = [`# ${BOOK_TITLE}`, ''];
  let words = 0;
  let recurring = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p % 60 === 0) lines.push(`## Chapter ${p / 60 + 1}`, '');
    const sentence: string[] = [];
    const length = 110 + Math.floor(random() * 20);
    for (let w = 0; w < length; w++) sentence.push(vocabulary[Math.floor(random() * vocabulary.length)]!);
    if (p % 20 === 10 || p === paragraphs - 1) {
      sentence.splice(5, 0, RECURRING);
      recurring++;
    }
    let paragraph = `${sentence.join(' ')}.`;
    paragraph = paragraph[0]!.toUpperCase() + paragraph.slice(1);
    if (p === Math.floor(paragraphs * 0.9)) paragraph = `${FAR_PASSAGE}, and wrote the number down twice. ${paragraph}`;
    words += paragraph.split(' ').length;
    lines.push(paragraph, '');
  }
  return { file: { name: 'northern-routes.md', mimeType: 'text/markdown', buffer: Buffer.from(lines.join('\n')) }, recurring, words };
}

test('a book-length document opens, and a passage far down is highlighted, searched and found', async ({ page }) => {
  // The import of a whole book is the slow part on a busy machine; each wait below is bounded on its own.
  test.setTimeout(300_000);
  const book = generateBook();
  expect(book.words).toBeGreaterThan(380_000);
  await expect(library(page).getByRole('button', { name: BUNDLED_TITLE })).toBeVisible();

  await importFiles(page, [book.file]);
  await expect(reader(page).getByRole('heading', { level: 1, name: BOOK_TITLE })).toBeVisible({ timeout: 120_000 });
  await expect(reader(page).locator('article').getByRole('heading', { name: 'Chapter 1', exact: true })).toBeVisible();

  // Find reaches the far passage, which is put on the page and scrolled to.
  await reader(page).locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(FIND_CHORD);
  const input = findBar(page).getByRole('searchbox', { name: 'Find in document' });
  await expect(input).toBeFocused();
  await input.fill('tessalit');
  const count = findBar(page).getByRole('status');
  await expect(count).toHaveText('1 of 1');
  const far = paragraphStarting(page, FAR_PASSAGE);
  await expect(far).toBeInViewport();
  await input.press('Escape');
  await expect(findBar(page)).toBeHidden();

  // Highlighted there, its card shows in the panel.
  const words = await highlightOpening(page, far);
  expect(FAR_PASSAGE.startsWith(words)).toBe(true);
  await expect(highlightsPanel(page).getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();

  // From another document, Ctrl+K finds the book by the passage's word and opens it there.
  await openBundledArticle(page);
  await page.keyboard.press(SEARCH_CHORD);
  await searchDialog(page).getByRole('searchbox', { name: 'Search' }).fill('tessalit');
  const found = searchDialog(page).getByRole('group', { name: 'Documents', exact: true }).getByRole('option').filter({ hasText: BOOK_TITLE });
  await expect(found).toBeVisible({ timeout: 30_000 });
  await expect(found.locator('mark').filter({ hasText: /^Tessalit$/ }).first()).toBeVisible();
  await found.click();
  await expect(searchDialog(page)).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1, name: BOOK_TITLE })).toBeVisible({ timeout: 30_000 });
  await expect(far).toBeInViewport();
  await expect(highlightsPanel(page).getByRole('listitem').filter({ hasText: words })).toBeVisible();

  // Ctrl+F counts the place name across the whole book; from the top, its first mention comes first,
  // and Previous goes round to the last one, in the last chapter.
  await reader(page).locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  await expect(reader(page).getByRole('heading', { level: 1, name: BOOK_TITLE })).toBeInViewport();
  await page.keyboard.press(FIND_CHORD);
  await expect(input).toBeFocused();
  await input.fill(RECURRING.toLowerCase());
  await expect(count).toHaveText(`1 of ${book.recurring}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`${book.recurring} of ${book.recurring}`);
  const last = reader(page).locator('article').getByRole('paragraph').filter({ hasText: RECURRING }).last();
  await expect(last).toBeInViewport();
  await input.press('Enter');
  await expect(count).toHaveText(`1 of ${book.recurring}`);
  await expect(reader(page).locator('article').getByRole('paragraph').filter({ hasText: RECURRING }).first()).toBeInViewport();
  await input.press('Escape');

  // Meanwhile the rest of the book has come onto the page: every chapter is there.
  const chapters = Math.ceil(3_300 / 60);
  await expect(reader(page).locator('article').getByRole('heading', { name: /^Chapter \d+$/ })).toHaveCount(chapters, { timeout: 30_000 });

  // Every mention of the place, accepted at once, is recorded as a mention, not a highlight: the
  // panel still holds its one card.
  await addActor(page, RECURRING, 'Place');
  await reader(page).getByRole('button', { name: 'Show mentions' }).click();
  const mentions = highlightsPanel(page).getByRole('region', { name: /^Mentions/ });
  const place = mentions.getByRole('region', { name: RECURRING });
  await place.getByRole('button', { name: `Accept all ${book.recurring} mentions of ${RECURRING}` }).click();
  await expect(mentions.getByRole('status')).toHaveText(`Accepted ${book.recurring} mentions of ${RECURRING}.`, { timeout: 30_000 });
  await expect(highlightsPanel(page).getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();

  // The actor's last mention, far down the book, opens the document at its words.
  await (await showView(page, 'Actors')).getByRole('link', { name: RECURRING, exact: true }).click();
  const listed = page.getByRole('main').getByRole('region', { name: /^Mentions/ }).getByRole('link');
  await expect(listed).toHaveCount(book.recurring, { timeout: 30_000 });
  await listed.last().click();
  await expect(page).toHaveURL(/#\/document\/\d+\/at\/\d+-\d+$/);
  await expect(reader(page).getByRole('heading', { level: 1, name: BOOK_TITLE })).toBeVisible({ timeout: 30_000 });
  await expect(last).toBeInViewport();
});
