import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { exportFrom, highlightsPanel, openBundledArticle, openCard, paragraphStarting, reader } from './user-actions';

const HIGHLIGHT_CHORD = process.platform === 'darwin' ? 'Meta+Shift+H' : 'Control+Shift+H';
const timelineView = (page: Page) => page.getByRole('main', { name: 'Timeline' });
const cardWith = (page: Page, words: string) => highlightsPanel(page).getByRole('listitem').filter({ hasText: words }).first();

/** Where `words` begin and end in the article as drawn, found as a person finds them by eye. */
async function edgesOfWords(page: Page, words: string): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  const edges = await reader(page)
    .locator('article')
    .evaluate((article, wanted) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rects = range.getClientRects();
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      return null;
    }, words);
  if (!edges) throw new Error(`“${words}” is not in the article.`);
  return edges;
}

test('by mouse: a date in a highlighted passage is suggested on its card, confirmed, and shown on the Timeline', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  const words = 'Throughout 2012, Islamist groups controlled';
  const { start, end } = await edgesOfWords(page, words);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();

  const card = await openCard(cardWith(page, words));
  const dates = card.getByRole('group', { name: 'Dates' });
  await expect(dates.getByRole('list', { name: 'Suggested dates' })).toContainText('Suggested: 2012');
  await dates.getByRole('button', { name: 'Confirm 2012' }).click();
  await expect(dates.getByRole('list', { name: 'Confirmed dates' })).toContainText('Date: 2012');
  await expect(dates.getByRole('list', { name: 'Suggested dates' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  const view = timelineView(page);
  await expect(view.getByRole('img', { name: /^The timeline drawn: 1 event in 1 lane \(No actor\), from 2012 to 2012\./ })).toBeVisible();
  const events = view.getByRole('region', { name: /^Events/ }).getByRole('table');
  await expect(events.getByRole('row')).toHaveCount(2);
  await expect(events.getByRole('row').nth(1)).toContainText('2012');
  await expect(events.getByRole('row').nth(1)).toContainText(words);
  await view.getByRole('button', { name: 'Zoom in' }).click();
  await expect(view.getByText('Zoomed 2×')).toBeVisible();
  await attachScreenshot(page, testInfo, 'timeline');
  await expectNoSeriousViolations(page, testInfo, 'timeline');

  // The article is not graded: narrowed to A sources, nothing is left; to ungraded ones, the event is back.
  const grade = view.getByRole('combobox', { name: 'Source reliability' });
  await grade.selectOption({ label: 'A: Completely reliable' });
  await expect(view.getByText(/No passage is dated here yet/)).toBeVisible();
  await grade.selectOption({ label: 'Not graded' });
  await expect(events.getByRole('row')).toHaveCount(2);

  const csv = await exportFrom(page, view, 'Export', 'Events as CSV');
  expect(csv.name).toBe('Timeline.csv');
  expect(csv.bytes.toString('utf8')).toMatch(/\r\n2012,year,2012,Throughout 2012, Islamist groups controlled|\r\n2012,year,2012,"Throughout 2012, Islamist groups controlled/);
});

test('by keyboard: a suggested date is confirmed under Suggested dates, and a passage is dated by hand', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  // A caret at the paragraph's start, then Shift+Right to past "January 2012", and the shortcut to highlight.
  const paragraph = paragraphStarting(page, 'A sanctuary – as described above');
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('The paragraph is not on screen.');
  await page.mouse.click(box.x + 1, box.y + 12);
  for (let step = 0; step < 125; step++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press(HIGHLIGHT_CHORD);
  const card = cardWith(page, 'A sanctuary – as described above');
  await expect(card).toBeVisible();

  const link = page.getByRole('link', { name: 'Timeline', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  const view = timelineView(page);
  const suggested = view.getByRole('region', { name: /^Suggested dates/ });
  await expect(suggested.getByRole('heading', { name: 'Suggested dates (1)' })).toBeVisible();
  await expect(suggested.getByRole('table')).toContainText('“January 2012”');
  const confirm = suggested.getByRole('button', { name: /^Confirm January 2012 for “A sanctuary/ });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(suggested.getByRole('heading', { name: 'Suggested dates (0)' })).toBeVisible();
  // The focus is not lost with the row: it lands on the section's heading.
  await expect(suggested.getByRole('heading', { name: 'Suggested dates (0)' })).toBeFocused();

  const events = view.getByRole('region', { name: /^Events/ }).getByRole('table');
  await expect(events.getByRole('row').nth(1)).toContainText('January 2012');
  await expect(view.getByRole('img', { name: /1 event in 1 lane \(No actor\), from January 2012 to January 2012/ })).toBeVisible();
  // + and - zoom from the keyboard.
  await view.focus();
  await page.keyboard.press('+');
  await expect(view.getByText('Zoomed 2×')).toBeVisible();
  await page.keyboard.press('-');
  await expect(view.getByText('Whole timeline')).toBeVisible();

  // Back on the card, by keyboard: a second date given by hand, to the month of March 2012.
  await page.goBack();
  await expect(card).toBeVisible();
  const disclosure = card.getByRole('button', { name: 'Edit highlight' });
  await disclosure.focus();
  await page.keyboard.press('Enter');
  const dates = card.getByRole('group', { name: 'Dates' });
  await expect(dates.getByRole('list', { name: 'Confirmed dates' })).toContainText('Date: January 2012');
  await dates.getByRole('button', { name: 'Add a date' }).focus();
  await page.keyboard.press('Enter');
  const form = dates.getByRole('form', { name: 'Date this passage' });
  await form.getByRole('combobox', { name: 'Precision' }).selectOption('month');
  await form.getByRole('textbox', { name: 'Date' }).focus();
  await page.keyboard.type('2012-3');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('A month is written 2012-01.');
  await form.getByRole('textbox', { name: 'Date' }).fill('2012-03');
  await page.keyboard.press('Enter');
  await expect(dates.getByRole('list', { name: 'Confirmed dates' })).toContainText('Date: March 2012');
  await attachScreenshot(page, testInfo, 'timeline-card');
  await expectNoSeriousViolations(page, testInfo, 'highlight card dates');
});
