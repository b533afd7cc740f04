import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, highlightsPanel, openBundledArticle, openCard, paragraphStarting, reader } from './user-actions';

const EMPTY_PANEL = 'No highlights yet. Select text in the document and choose Highlight.';
const HIGHLIGHT_CHORD = process.platform === 'darwin' ? 'Meta+Shift+H' : 'Control+Shift+H';
const UNDO_CHORD = process.platform === 'darwin' ? 'Meta+Z' : 'Control+Z';

const cards = (page: Page) => highlightsPanel(page).getByRole('listitem');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Selection' });

/** Quotes read as one line on the cards, whatever line breaks the passage spans. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const goToName = (quote: string) => `Go to highlight: “${flat(quote)}”`;
const goToButton = (page: Page, quote: string) => highlightsPanel(page).getByRole('button', { name: goToName(quote), exact: true });
const cardFor = (page: Page, quote: string) => cards(page).filter({ has: page.getByRole('button', { name: goToName(quote), exact: true }) });

/** The bundled article, in a library with no highlights yet: every test here starts from none. */
async function openArticle(page: Page): Promise<void> {
  await openBundledArticle(page);
  await expect(highlightsPanel(page).getByText(EMPTY_PANEL)).toBeVisible();
}

interface Line {
  left: number;
  right: number;
  /** The vertical middle of the line. */
  y: number;
}

/** The first and last lines of a paragraph, from its box and its line height, where they are on screen now. */
async function linesOf(block: Locator, scroll = true): Promise<{ first: Line; last: Line }> {
  if (scroll) await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) throw new Error('The paragraph is not on screen.');
  const lineHeight = await block.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  const left = box.x + 1;
  const right = box.x + box.width - 1;
  return { first: { left, right, y: box.y + lineHeight / 2 }, last: { left, right, y: box.y + box.height - lineHeight / 2 } };
}

/** Presses, drags and lets go, as a person selecting with the mouse. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<string> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  return selectedText(page);
}

/** What the browser shows as selected: the words a person would read off the screen. */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

async function highlightWithToolbar(page: Page, colour?: string): Promise<void> {
  await expect(toolbar(page)).toBeVisible();
  if (colour) await toolbar(page).getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: colour }).check();
  await toolbar(page).getByRole('button', { name: 'Highlight' }).click();
  await expect(toolbar(page)).toBeHidden();
}

test('highlights made with the mouse and with the keyboard are listed, and still there after a reload', async ({ page }) => {
  await openArticle(page);

  const firstly = await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const byMouse = await drag(page, { x: firstly.first.left, y: firstly.first.y }, { x: firstly.first.left + 260, y: firstly.first.y });
  expect(flat(byMouse).length).toBeGreaterThan(10);
  const bar = toolbar(page);
  await expect(bar.getByRole('button', { name: 'Highlight' })).toBeVisible();
  const colours = bar.getByRole('radiogroup', { name: 'Colour' });
  for (const colour of ['Yellow', 'Red', 'Green', 'Blue', 'Purple']) await expect(colours.getByRole('radio', { name: colour })).toBeVisible();
  await expect(colours.getByRole('radio', { name: 'Yellow' })).toBeChecked();
  await highlightWithToolbar(page);
  await expect(goToButton(page, byMouse)).toBeVisible();

  // A caret in the text, then Shift+Right to select and the shortcut to highlight: no mouse at all.
  const secondly = await linesOf(paragraphStarting(page, 'Secondly, the sanctuary'));
  await page.mouse.click(secondly.first.left, secondly.first.y);
  await expect(bar).toBeHidden();
  for (let step = 0; step < 34; step++) await page.keyboard.press('Shift+ArrowRight');
  const byKeyboard = await selectedText(page);
  expect(flat(byKeyboard)).toMatch(/^Secondly, the sanctuary/);
  await expect(bar).toBeVisible();
  await page.keyboard.press(HIGHLIGHT_CHORD);
  await expect(goToButton(page, byKeyboard)).toBeVisible();
  await expect(cards(page)).toHaveCount(2);

  await page.reload();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  await expect(cards(page)).toHaveCount(2);
  // Reading order: the Firstly paragraph comes before the Secondly one.
  await expect(cards(page).nth(0).getByRole('button', { name: /^Go to highlight:/ })).toHaveAccessibleName(`Go to highlight: “${flat(byMouse)}”`);
  await expect(cards(page).nth(1).getByRole('button', { name: /^Go to highlight:/ })).toHaveAccessibleName(`Go to highlight: “${flat(byKeyboard)}”`);
  // The document's text is untouched by selecting, highlighting and keys pressed in it.
  await expect(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary has to offer protection to its members.')).toHaveCount(1);
});

test('a highlight can run across two paragraphs', async ({ page }) => {
  await openArticle(page);
  await paragraphStarting(page, 'Secondly, the sanctuary').scrollIntoViewIfNeeded();
  const firstly = await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'), false);
  const secondly = await linesOf(paragraphStarting(page, 'Secondly, the sanctuary'), false);
  const quote = await drag(page, { x: firstly.last.left + 40, y: firstly.last.y }, { x: secondly.first.left + 120, y: secondly.first.y });
  expect(quote).toMatch(/\n/);
  await highlightWithToolbar(page, 'Green');

  const card = await openCard(cardFor(page, quote));
  await expect(card.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Green' })).toBeChecked();
  await expect(goToButton(page, quote)).toHaveAccessibleName(/Secondly/);
});

test('overlapping highlights are both listed, in their own colours', async ({ page }, testInfo) => {
  await openArticle(page);
  const finally_ = await linesOf(paragraphStarting(page, 'Finally, a sanctuary'));
  const line = finally_.first;
  const first = await drag(page, { x: line.left, y: line.y }, { x: line.left + 300, y: line.y });
  await highlightWithToolbar(page, 'Yellow');
  const second = await drag(page, { x: line.left + 160, y: line.y }, { x: line.left + 460, y: line.y });
  await highlightWithToolbar(page, 'Blue');

  await expect(cards(page)).toHaveCount(2);
  await expect((await openCard(cardFor(page, first))).getByRole('radio', { name: 'Yellow' })).toBeChecked();
  // One card open at a time: opening the second closes the first.
  await expect((await openCard(cardFor(page, second))).getByRole('radio', { name: 'Blue' })).toBeChecked();
  await expect(cardFor(page, first).getByRole('button', { name: 'Edit highlight' })).toHaveAttribute('aria-expanded', 'false');

  // The last colour used is the default for the next selection.
  await drag(page, { x: line.left + 40, y: line.y + 150 }, { x: line.left + 200, y: line.y + 150 });
  await expect(toolbar(page).getByRole('radio', { name: 'Blue' })).toBeChecked();
  await attachScreenshot(page, testInfo, 'highlights-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'highlights-dark');
});

test('a comment is saved in place and kept across a reload', async ({ page }) => {
  await openArticle(page);
  const line = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const quote = await drag(page, { x: line.left, y: line.y }, { x: line.left + 200, y: line.y });
  await highlightWithToolbar(page);

  const comment = (await openCard(cardFor(page, quote))).getByRole('textbox', { name: 'Comment' });
  await comment.fill('Compare with the Libyan case further on.');
  await expect(cardFor(page, quote).getByRole('status')).toHaveText('Saved');

  await page.reload();
  // Closed, the card shows the comment's start; opened, the whole of it to edit.
  await expect(cardFor(page, quote)).toContainText('Compare with the Libyan case further on.');
  await expect((await openCard(cardFor(page, quote))).getByRole('textbox', { name: 'Comment' })).toHaveValue('Compare with the Libyan case further on.');
});

test('a deleted highlight comes back with Undo and with Ctrl+Z', async ({ page }) => {
  await openArticle(page);
  const line = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const quote = await drag(page, { x: line.left, y: line.y }, { x: line.left + 220, y: line.y });
  await highlightWithToolbar(page, 'Red');
  await expect(cards(page)).toHaveCount(1);

  await (await openCard(cardFor(page, quote))).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(cards(page)).toHaveCount(0);
  await expect(highlightsPanel(page).getByText(EMPTY_PANEL)).toBeVisible();
  const notice = highlightsPanel(page).getByRole('status').filter({ hasText: 'Highlight deleted.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(cardFor(page, quote)).toBeVisible();
  await expect((await openCard(cardFor(page, quote))).getByRole('radio', { name: 'Red' })).toBeChecked();

  await cardFor(page, quote).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(cards(page)).toHaveCount(0);
  await page.keyboard.press(UNDO_CHORD);
  await expect(cardFor(page, quote)).toBeVisible();

  // Restored for good: still there after a reload.
  await page.reload();
  await expect(cardFor(page, quote)).toBeVisible();
});

test('replacing the document with a newer version keeps the highlights it can place and lists the rest as orphaned', async ({ page }) => {
  await openArticle(page);
  const firstly = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const kept = await drag(page, { x: firstly.left, y: firstly.y }, { x: firstly.left + 220, y: firstly.y });
  await highlightWithToolbar(page);
  const secondly = (await linesOf(paragraphStarting(page, 'Secondly, the sanctuary'))).first;
  const lost = await drag(page, { x: secondly.left, y: secondly.y }, { x: secondly.left + 220, y: secondly.y });
  await highlightWithToolbar(page);

  const newer = `# Al-Quaeda and state sanctuary in the Islamic Maghreb\n\nA short revised version.\n\n${flat(kept)} And more besides.\n`;
  const chooserOpened = page.waitForEvent('filechooser');
  await reader(page).getByRole('button', { name: 'Replace with newer version…' }).click();
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({ name: 'aqim-v2.md', mimeType: 'text/markdown', buffer: Buffer.from(newer) });

  await expect(reader(page).getByRole('status').filter({ hasText: 'Replaced with aqim-v2.md.' })).toHaveText(
    'Replaced with aqim-v2.md. 2 highlights: 1 placed exactly, 1 orphaned.',
  );
  await expect(reader(page).locator('article')).toContainText('A short revised version.');
  await expect(goToButton(page, kept)).toBeVisible();
  const orphans = highlightsPanel(page).getByRole('region', { name: 'Orphaned' });
  await expect(orphans.getByRole('heading', { name: 'Orphaned' })).toBeVisible();
  await expect(orphans.getByRole('listitem')).toContainText(flat(lost));
});

test('clicking a painted passage opens its popover there and shows its card; Escape gives the keyboard back to the text', async ({ page }) => {
  await openArticle(page);
  const firstly = await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const first = await drag(page, { x: firstly.first.left, y: firstly.first.y }, { x: firstly.first.left + 260, y: firstly.first.y });
  await highlightWithToolbar(page);
  const secondly = await linesOf(paragraphStarting(page, 'Secondly, the sanctuary'));
  const second = await drag(page, { x: secondly.first.left, y: secondly.first.y }, { x: secondly.first.left + 260, y: secondly.first.y });
  await highlightWithToolbar(page);
  await expect(cards(page)).toHaveCount(2);
  const popover = page.getByRole('dialog', { name: 'Highlight' });

  // A click inside the second passage, then inside the first: each time, that passage's popover takes the keyboard, and its card is in view.
  const again = await linesOf(paragraphStarting(page, 'Secondly, the sanctuary'), false);
  await page.mouse.click(again.first.left + 120, again.first.y);
  await expect(popover.getByRole('radio', { name: 'Yellow' })).toBeFocused();
  await expect(goToButton(page, second)).toBeInViewport();
  const back = await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await page.mouse.click(back.first.left + 60, back.first.y);
  await expect(popover).toHaveCount(1);
  await expect(popover.getByRole('radio', { name: 'Yellow' })).toBeFocused();
  await expect(goToButton(page, first)).toBeInViewport();

  // Escape closes it and gives the keyboard back to the text.
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(reader(page)).toBeFocused();

  // A click in text with no highlight opens nothing.
  await page.mouse.click(back.last.right - 10, back.last.y);
  await expect(popover).toBeHidden();
});

test('the popover recolours the clicked passage, takes a comment, and deletes it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openArticle(page);
  const line = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const quote = await drag(page, { x: line.left, y: line.y }, { x: line.left + 260, y: line.y });
  await highlightWithToolbar(page);
  await expect.poll(() => paintedColourOf(page, quote)).toBe('fb-yellow');

  await page.mouse.click(line.left + 60, line.y);
  const popover = page.getByRole('dialog', { name: 'Highlight' });
  await expect(popover.getByRole('radio', { name: 'Yellow' })).toBeFocused();
  // The arrow keys move through the colours, as in any radio group; the text is repainted at once.
  await page.keyboard.press('ArrowRight');
  await expect(popover.getByRole('radio', { name: 'Red' })).toBeChecked();
  await expect.poll(() => paintedColourOf(page, quote)).toBe('fb-red');
  await expect(cardFor(page, quote)).toContainText('Red');
  // Light and dark, with the highlight popover showing.
  await expectNoSeriousViolations(page, testInfo, 'highlight popover');

  await popover.getByRole('textbox', { name: 'Comment' }).fill('Read against the Libyan case.');
  await expect(popover.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(cardFor(page, quote)).toContainText('Read against the Libyan case.');

  await popover.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(popover).toBeHidden();
  await expect(cards(page)).toHaveCount(0);
  await expect(reader(page)).toBeFocused();
});

test('a card is compact until opened; its disclosure opens it with Enter and closes it again', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openArticle(page);
  const line = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const quote = await drag(page, { x: line.left, y: line.y }, { x: line.left + 260, y: line.y });
  await highlightWithToolbar(page, 'Green');
  const card = cardFor(page, quote);
  const disclosure = card.getByRole('button', { name: 'Edit highlight' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(card).toContainText('Green');
  await expect(card.getByRole('radiogroup', { name: 'Colour' })).toHaveCount(0);
  await expect(card.getByRole('textbox', { name: 'Comment' })).toHaveCount(0);

  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByRole('radio', { name: 'Green' })).toBeChecked();
  await expect(card.getByRole('button', { name: 'Delete highlight' })).toBeVisible();
  await expect(card.getByRole('combobox', { name: 'Actor' })).toBeVisible();
  // Light and dark, with the opened card showing.
  await expectNoSeriousViolations(page, testInfo, 'opened card');

  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(card.getByRole('radiogroup', { name: 'Colour' })).toHaveCount(0);
});

/** The colour a passage is painted in, as the reader registered it for the CSS Custom Highlight API (fb-yellow, fb-red…). */
async function paintedColourOf(page: Page, words: string): Promise<string> {
  return page.evaluate((wanted) => {
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const [name, painted] of CSS.highlights) {
      if (!/^fb-(yellow|red|green|blue|purple)$/.test(name)) continue;
      for (const range of painted) if (range instanceof Range && flat(range.toString()).includes(wanted)) return name;
    }
    return '';
  }, flat(words).slice(0, 24));
}

test('in a narrow window the Highlights panel folds away for the text, and opens for a clicked passage', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openArticle(page);
  const firstly = await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const passage = await drag(page, { x: firstly.first.left, y: firstly.first.y }, { x: firstly.first.left + 200, y: firstly.first.y });
  await highlightWithToolbar(page);
  const column = reader(page).locator('article');
  const narrow = (await column.boundingBox())!.width;

  await highlightsPanel(page).getByRole('button', { name: 'Hide highlights' }).click();
  const show = highlightsPanel(page).getByRole('button', { name: 'Show highlights (1)' });
  await expect(show).toBeFocused();
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(goToButton(page, passage)).toHaveCount(0);
  await expect.poll(async () => (await column.boundingBox())!.width).toBeGreaterThan(narrow + 150);

  // Folded it stays, across a reload, until a passage is clicked in the text.
  await page.reload();
  await expect(show).toBeVisible();
  // A person clicks the passage once they see it painted (before, it is plain text), and where it
  // is at that moment: the document may still move to where it was left as its place comes back.
  await expect.poll(() => paintedColourOf(page, passage)).toBe('fb-yellow');
  const paragraph = paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary');
  const lineHeight = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  await paragraph.click({ position: { x: 40, y: lineHeight / 2 } });
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible();
  await expect(goToButton(page, passage)).toBeInViewport();
  await expect(highlightsPanel(page).getByRole('button', { name: 'Hide highlights' })).toHaveAttribute('aria-expanded', 'true');
});

test('a change of colour is undone with Undo and with Ctrl+Z', async ({ page }) => {
  await openArticle(page);
  const line = (await linesOf(paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'))).first;
  const quote = await drag(page, { x: line.left, y: line.y }, { x: line.left + 220, y: line.y });
  await highlightWithToolbar(page);
  const card = await openCard(cardFor(page, quote));
  await expect(card.getByRole('radio', { name: 'Yellow' })).toBeChecked();

  await card.getByRole('radio', { name: 'Red' }).click();
  const notice = highlightsPanel(page).getByRole('status').filter({ hasText: 'Colour changed to red.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('radio', { name: 'Yellow' })).toBeChecked();
  await expect(highlightsPanel(page).getByRole('status').filter({ hasText: 'Colour put back.' })).toBeVisible();

  await card.getByRole('radio', { name: 'Blue' }).click();
  await expect(highlightsPanel(page).getByRole('status').filter({ hasText: 'Colour changed to blue.' })).toBeVisible();
  await page.keyboard.press(UNDO_CHORD);
  await expect(card.getByRole('radio', { name: 'Yellow' })).toBeChecked();
  // Put back for good: still yellow after a reload.
  await page.reload();
  await expect((await openCard(card)).getByRole('radio', { name: 'Yellow' })).toBeChecked();
});
