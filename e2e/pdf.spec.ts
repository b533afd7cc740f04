import path from 'node:path';
import type { Locator, Page, Request } from '@playwright/test';
import { expect, REPO_ROOT, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { addActor, exportFrom, highlightsPanel, importFiles, openCard, reader, showMentions, showView, tagCard } from './user-actions';

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

  // Ctrl+F finds words on the pages: on a page not drawn yet, the view goes there; Enter steps on.
  await pages.focus();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+F' : 'Control+F');
  const find = reader(page).getByRole('searchbox', { name: 'Find in document' });
  await find.pressSequentially('HotpathVM');
  await expect(reader(page).getByRole('search', { name: 'Find in document' }).getByRole('status')).toHaveText('1 of 1');
  await expect(pageRegion(pages, 14)).toBeInViewport();
  await expect(pageNumber).toHaveValue('14');
  await find.fill('Dynamo');
  await expect(reader(page).getByRole('search', { name: 'Find in document' }).getByRole('status')).toHaveText(/^[1-4] of 4$/);
  await find.press('Escape');
  await expect(find).toBeHidden();

  // Its extracted text, reflowed for reading, is one button away, and the pages one back.
  await reader(page).getByRole('button', { name: 'Show text', exact: true }).click();
  await expect(reader(page).getByRole('article', { description: /^Read only/ })).toContainText('an elegant and efficient way');
  await reader(page).getByRole('button', { name: 'Show pages', exact: true }).click();
  await expect(reader(page).getByRole('textbox', { name: 'Page', exact: true })).toHaveValue('1', { timeout: 30_000 });

  await expectNoSeriousViolations(page, testInfo, 'reader showing a PDF’s pages');
  expect(leaks, 'requests outside the app').toEqual([]);
});

/** Drags a rectangle over a page, from and to points given as shares of the page's width and height. */
async function dragArea(page: Page, pageOfPdf: Locator, from: [number, number], to: [number, number]): Promise<void> {
  await pageOfPdf.scrollIntoViewIfNeeded();
  const box = await pageOfPdf.boundingBox();
  if (!box) throw new Error('The page is not on screen.');
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), { steps: 4 });
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await page.mouse.up();
}

test('a scanned PDF says its text cannot be highlighted or searched, and takes an area highlight with a colour, a comment and an actor', async ({ page }) => {
  test.setTimeout(150_000);
  await importFiles(page, path.join(DOCUMENTS, 'issue7229.pdf'));
  await expect(documentTitle(page, 'issue7229')).toBeVisible({ timeout: 60_000 });
  await expect(reader(page).getByText(/^This PDF is a scan: its pages have no text to highlight or search\./)).toBeVisible();
  const pages = pagesOf(page, 'issue7229');
  await expect(pageRegion(pages, 1).locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(reader(page).getByRole('button', { name: 'Show text' })).toHaveCount(0);

  // On a scan, drawing is on from the start: a drag on the page is a rectangle.
  await expect(reader(page).getByRole('button', { name: 'Select area' })).toHaveAttribute('aria-pressed', 'true');
  await dragArea(page, pageRegion(pages, 1), [0.2, 0.2], [0.6, 0.45]);
  const toolbar = page.getByRole('toolbar', { name: 'Area' });
  await toolbar.getByRole('radio', { name: 'Blue' }).check();
  await toolbar.getByRole('button', { name: 'Highlight area' }).click();
  await expect(toolbar).toBeHidden();
  const card = highlightsPanel(page).getByRole('listitem').filter({ hasText: 'Area highlight' });
  await expect(card).toContainText('p. 1');
  await expect(card).toContainText('Blue');
  const comment = (await openCard(card)).getByRole('textbox', { name: 'Comment' });
  await comment.fill('The stamp in the corner dates it.');
  await expect(card.getByRole('status')).toHaveText('Saved');
  await addActor(page, 'Registry office', 'Group');
  await tagCard(page, 'Area highlight', 'Registry office');

  // A drag too small to be meant is no rectangle; Escape puts one away unsaved.
  await dragArea(page, pageRegion(pages, 1), [0.7, 0.7], [0.702, 0.702]);
  await expect(toolbar).toBeHidden();
  await dragArea(page, pageRegion(pages, 1), [0.1, 0.6], [0.5, 0.8]);
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar).toBeHidden();
  await expect(highlightsPanel(page).getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();

  // Opened again, the area is on its page, and a click on it brings its card.
  await page.reload();
  const mark = pageRegion(pages, 1).getByRole('button', { name: 'Area highlight on p. 1' });
  await expect(mark).toBeVisible({ timeout: 60_000 });
  await mark.click();
  await expect(card).toContainText('The stamp in the corner dates it.');
  await expect(card).toContainText('Registry office');

  const exported = await exportFrom(page, reader(page), 'Export', 'Annotations as W3C Web Annotation (JSON-LD)');
  const annotations = JSON.stringify(JSON.parse(exported.bytes.toString('utf8')));
  expect(annotations).toContain('"value":"page=1"');
  // Where it was drawn, in percent of the page (the page's border shifts it by a little).
  const xywh = /"value":"xywh=percent:([\d.]+),([\d.]+),([\d.]+),([\d.]+)"/.exec(annotations)?.slice(1).map(Number);
  expect(xywh).toHaveLength(4);
  // Whole percents, widened to cover the rectangle drawn: each edge moves out by under one.
  [20, 20, 40, 25].forEach((drawn, index) => expect(Math.abs(xywh![index]! - drawn)).toBeLessThanOrEqual(2));

  // As a selection's toolbar does, the area's tags it with an actor as it highlights it.
  await dragArea(page, pageRegion(pages, 1), [0.1, 0.6], [0.5, 0.8]);
  const actorField = toolbar.getByRole('combobox', { name: 'Actor' });
  await actorField.click();
  await actorField.pressSequentially('registry');
  await expect(toolbar.getByRole('option', { name: /^Registry office/ })).toHaveAttribute('aria-selected', 'true');
  await actorField.press('Enter');
  await expect(toolbar).toBeHidden();
  await expect(highlightsPanel(page).getByRole('heading', { name: 'Highlights (2)' })).toBeVisible();
  const tagged = highlightsPanel(page).getByRole('listitem').filter({ hasText: 'Area highlight' }).filter({ hasNotText: 'The stamp in the corner' });
  await expect(tagged.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['Registry office']);
});

/**
 * Drags the mouse along the start of a line of a page's text as a person selects it, and answers
 * the words selected. The line is found by its words on the page's text layer.
 */
async function selectOnPage(page: Page, pageOfPdf: Locator, words: string): Promise<string> {
  const line = pageOfPdf.getByText(words).first();
  await line.scrollIntoViewIfNeeded();
  const box = await line.boundingBox();
  if (!box) throw new Error(`“${words}” is not on screen.`);
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 4 });
  await page.mouse.up();
  return (await page.evaluate(() => window.getSelection()?.toString() ?? '')).replace(/\s+/g, ' ').trim();
}

/** The colour a passage is painted in on the pages, as the reader registered it for the CSS Custom Highlight API. */
async function paintedColourOf(page: Page, words: string): Promise<string> {
  return page.evaluate((wanted) => {
    for (const [name, painted] of CSS.highlights) {
      if (!/^fb-(yellow|red|green|blue|purple)$/.test(name)) continue;
      for (const range of painted) if (range instanceof Range && range.toString().replace(/\s+/g, ' ').includes(wanted)) return name;
    }
    return '';
  }, words.slice(0, 24));
}

test('a sentence selected on a PDF\'s page is highlighted there: painted again after a reload, cited by its page, tagged, found with Ctrl+K and exported with its page', async ({ page }) => {
  test.setTimeout(180_000);
  await importFiles(page, path.join(DOCUMENTS, 'tracemonkey.pdf'));
  await expect(documentTitle(page, TRACEMONKEY)).toBeVisible({ timeout: 60_000 });
  const pageNumber = reader(page).getByRole('textbox', { name: 'Page', exact: true });
  await expect(pageNumber).toHaveValue('1', { timeout: 30_000 });
  const pages = pagesOf(page, TRACEMONKEY);

  // On page 1, with the mouse, in green.
  const selected = await selectOnPage(page, pageRegion(pages, 1), 'Dynamic languages such as JavaScript');
  expect(selected).toMatch(/^Dynamic languages such as/);
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await toolbar.getByRole('radio', { name: 'Green' }).click();
  await toolbar.getByRole('button', { name: 'Highlight' }).click();
  const first = highlightsPanel(page).getByRole('listitem').filter({ hasText: selected.slice(0, 30) });
  await expect(first).toContainText('p. 1');
  await expect.poll(() => paintedColourOf(page, selected)).toBe('fb-green');

  // And a second on page 3, whose card cites that page.
  await pageNumber.fill('3');
  await pageNumber.press('Enter');
  const onPageThree = await selectOnPage(page, pageRegion(pages, 3), 'TraceMonkey stops recording');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+H' : 'Control+Shift+H');
  const second = highlightsPanel(page).getByRole('listitem').filter({ hasText: onPageThree.slice(0, 20) });
  await expect(second).toContainText('p. 3');

  await addActor(page, 'Mozilla', 'Group', 'Mozilla Corporation');
  await showView(page, 'Library');
  await tagCard(page, selected.slice(0, 30), 'Mozilla');

  // The actor's name is found on the pages too: listed under Mentions, and named where it is painted.
  await showMentions(page);
  const mentions = highlightsPanel(page).getByRole('region', { name: /^Mentions/ });
  await expect(mentions.getByRole('button', { name: /^Accept (all \d+ mentions|the 1 mention) of Mozilla$/ })).toBeVisible();
  await pageRegion(pages, 1).getByText('Mozilla Corporation').first().hover();
  await expect(page.getByRole('tooltip')).toHaveText('Mozilla? · suggested mention');

  // Opened again, the pages show both passages painted where they were made, with their cards.
  await page.reload();
  await expect(pageNumber).toHaveValue('1', { timeout: 60_000 });
  await expect(first).toContainText('p. 1');
  await expect(first).toContainText('Mozilla');
  await expect(second).toContainText('p. 3');
  await expect.poll(() => paintedColourOf(page, selected)).toBe('fb-green');

  // A click on the painted words opens the passage's popover there; Escape closes it.
  const line = await pageRegion(pages, 1).getByText('Dynamic languages such as JavaScript').first().boundingBox();
  await page.mouse.click(line!.x + line!.width * 0.2, line!.y + line!.height * 0.6);
  const popover = page.getByRole('dialog', { name: 'Highlight' });
  await expect(popover.getByRole('radio', { name: 'Green' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // A card opens the pages at its passage, wherever they were.
  await pageNumber.fill('9');
  await pageNumber.press('Enter');
  await expect(pageRegion(pages, 9)).toBeInViewport();
  await second.getByRole('button', { name: /^Go to highlight/ }).click();
  await expect(pageRegion(pages, 3)).toBeInViewport();
  // In the colour chosen last, which the toolbar keeps.
  await expect.poll(() => paintedColourOf(page, onPageThree)).toBe('fb-green');

  // A search result in the PDF opens its pages at the page of the words found.
  await page.keyboard.press(SEARCH_CHORD);
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).pressSequentially('incrementally compiling');
  // Chosen once the answer to the whole query is in: an earlier one's list is replaced under the pointer.
  await expect(search.getByRole('listbox', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
  const found = search.getByRole('group', { name: 'Documents', exact: true }).getByRole('option').filter({ hasText: TRACEMONKEY });
  await expect(found.locator('mark').filter({ hasText: /^incrementally$/i }).first()).toBeVisible();
  await found.click();
  await expect(search).toBeHidden();
  await expect(pageRegion(pages, 1)).toBeInViewport();

  // Exported as W3C Web Annotation, each passage says its page.
  const exported = await exportFrom(page, reader(page), 'Export', 'Annotations as W3C Web Annotation (JSON-LD)');
  const annotations = JSON.stringify(JSON.parse(exported.bytes.toString('utf8')));
  expect(annotations).toContain('"type":"FragmentSelector"');
  expect(annotations).toContain('"value":"page=1"');
  expect(annotations).toContain('"value":"page=3"');
});
