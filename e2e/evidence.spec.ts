import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, highlightOpening, newNote, noteBody, openBundledArticle, paragraphStarting, waitForSaved } from './user-actions';

const evidence = (page: Page) => page.getByRole('complementary', { name: 'Evidence' });
const entry = (page: Page, passage: string) => evidence(page).getByRole('listitem').filter({ hasText: passage });

test('the Evidence panel beside a note lists the last-read document’s highlights, to drag in or quote at the caret', async ({ page }, testInfo) => {
  await openBundledArticle(page);
  const first = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const second = await highlightOpening(page, paragraphStarting(page, 'Secondly'));

  await newNote(page, 'Sanctuary conditions');
  await page.keyboard.type('What the article says about sanctuary.');
  const panel = evidence(page);
  await expect(panel.getByRole('combobox', { name: 'Document' })).toHaveValue(/\d+/);
  await expect(panel.getByRole('combobox', { name: 'Document' }).locator('option:checked')).toHaveText(BUNDLED_TITLE);
  await expect(entry(page, first)).toBeVisible();
  await expect(entry(page, second)).toBeVisible();

  // Dragged with the mouse into the note, the passage becomes a quote block tied to its highlight.
  const body = noteBody(page);
  await entry(page, first).getByRole('button', { name: /^Open in document:/ }).dragTo(body);
  const firstQuote = body.getByRole('link', { name: `Open passage: “${first}` });
  await expect(firstQuote).toBeVisible();
  await expect(body.getByText(BUNDLED_TITLE)).toBeVisible();
  await waitForSaved(page);

  // "Quote in note" puts the other passage in the open note, below the caret's paragraph.
  await body.getByText('What the article says about sanctuary.').click();
  await entry(page, second).getByRole('button', { name: 'Quote in note' }).click();
  await expect(entry(page, second).getByText('Quoted in this note.')).toBeVisible();
  const secondQuote = body.getByRole('link', { name: `Open passage: “${second}` });
  await expect(secondQuote).toBeVisible();
  await waitForSaved(page);
  await attachScreenshot(page, testInfo, 'evidence-light');

  await page.reload();
  await expect(firstQuote).toBeVisible();
  await expect(secondQuote).toBeVisible();
  await expect(body.getByRole('link', { name: /^Open passage:/ })).toHaveCount(2);

  // The quote text in the panel opens the document at that passage.
  await entry(page, first).getByRole('button', { name: /^Open in document:/ }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  await expect(page).toHaveURL(/#\/document\/\d+\/highlight\/\d+$/);
});

test('with no document read yet, the Evidence panel lets the researcher choose one', async ({ page }) => {
  await newNote(page, 'Starting out');
  const panel = evidence(page);
  const select = panel.getByRole('combobox', { name: 'Document' });
  await expect(select).toHaveValue('');
  await select.selectOption({ label: BUNDLED_TITLE });
  await expect(panel.getByText('No highlights in this document yet.')).toBeVisible();
});
