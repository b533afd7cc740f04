import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { attachScreenshot, expect, REPO_ROOT, test } from './fixtures';
import { addActor, exportFrom, highlightOpening, importFiles, highlightsPanel, openBundledArticle, openCard, paragraphStarting, showView, tagCard } from './user-actions';

const codebook = (page: Page) => page.getByRole('tabpanel', { name: 'Themes' });
const themeLink = (page: Page, name: string) => codebook(page).getByRole('list', { name: 'Themes' }).getByRole('link', { name, exact: true });
const themePage = (page: Page, name: string) => page.getByRole('main', { name });

async function addTheme(page: Page, name: string, definition: string, under?: string): Promise<void> {
  const panel = await showView(page, 'Themes');
  await panel.getByRole('button', { name: 'New theme' }).click();
  const form = panel.getByRole('form', { name: 'New theme' });
  await form.getByLabel('Name').fill(name);
  if (under) await form.getByLabel('Under').selectOption({ label: under });
  await form.getByLabel('Definition').fill(definition);
  await form.getByRole('button', { name: 'Add theme' }).click();
  await expect(form).toBeHidden();
  await expect(themeLink(page, name)).toBeVisible();
}

/** Codes an open card with a theme through its Theme combobox, by the theme's path as it is read out. */
async function codeCard(card: Locator, typed: string, option: string): Promise<void> {
  const combobox = card.getByRole('combobox', { name: 'Theme' });
  await combobox.fill(typed);
  await card.getByRole('option', { name: option, exact: true }).click();
  await expect(card.getByRole('list', { name: 'Themes' }).getByRole('link', { name: option.split(' / ').at(-1)!, exact: true })).toBeVisible();
}

test('a codebook of nested themes codes passages, and a theme’s page lists them across the codebook', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);

  const panel = await showView(page, 'Themes');
  await expect(panel.getByText('No themes yet.')).toBeVisible();
  await addTheme(page, 'Financing', 'How armed groups pay for themselves.');
  await addTheme(page, 'Ransom', 'Money paid to free hostages.', 'Financing');
  // A sub-theme sits under its parent, and says so to those who cannot see the indent.
  await expect(themeLink(page, 'Ransom')).toHaveAccessibleDescription('Under Financing · 0 passages');

  // Two passages: one coded with a sub-theme and a theme made on the spot, the other with the sub-theme.
  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));
  const firstCard = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: firstly }).first());
  await codeCard(firstCard, 'ran', 'Financing / Ransom');
  const combobox = firstCard.getByRole('combobox', { name: 'Theme' });
  await combobox.fill('State complicity');
  await firstCard.getByRole('option', { name: 'Create theme “State complicity”' }).click();
  await expect(firstCard.getByRole('list', { name: 'Themes' }).getByRole('listitem')).toHaveText(['Ransom', 'State complicity']);
  await attachScreenshot(page, testInfo, 'card-themes');

  const secondCard = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: secondly }).first());
  // Typed by a word of its parent and its own start, keyboard only.
  const secondCombobox = secondCard.getByRole('combobox', { name: 'Theme' });
  await secondCombobox.fill('fin ra');
  await expect(secondCard.getByRole('option', { name: 'Financing / Ransom' })).toHaveAttribute('aria-selected', 'true');
  await secondCombobox.press('Enter');
  await expect(secondCard.getByRole('list', { name: 'Themes' }).getByRole('listitem')).toHaveText(['Ransom']);
  await expect(themeLink(page, 'Ransom')).toHaveAccessibleDescription('Under Financing · 2 passages');

  // The document's highlights narrowed to one theme's passages, and back.
  const byTheme = highlightsPanel(page).getByRole('combobox', { name: 'Filter by theme' });
  await byTheme.selectOption({ label: 'State complicity (1)' });
  await expect(highlightsPanel(page).getByRole('button', { name: /^Go to highlight:/ })).toHaveCount(1);
  await byTheme.selectOption({ label: 'All themes' });
  await expect(highlightsPanel(page).getByRole('button', { name: /^Go to highlight:/ })).toHaveCount(2);

  // The theme's page: where it sits, its definition, its passages and what else they are coded with.
  await themeLink(page, 'Ransom').click();
  const ransom = themePage(page, 'Ransom');
  await expect(ransom.getByRole('heading', { level: 1, name: 'Ransom' })).toBeVisible();
  await expect(ransom.getByRole('navigation', { name: 'Where it sits in the codebook' }).getByRole('link', { name: 'Financing' })).toBeVisible();
  await expect(ransom.getByText('Money paid to free hostages.')).toBeVisible();
  const passages = ransom.getByRole('region', { name: /^Passages/ });
  await expect(passages.getByRole('link', { name: /^“/ })).toHaveCount(2);
  await expect(passages.getByRole('list', { name: 'Also coded with' }).getByRole('link')).toHaveText(['State complicity']);
  await attachScreenshot(page, testInfo, 'theme-page');

  // Renamed and moved to the top of the codebook from its page; the cards follow.
  await ransom.getByRole('button', { name: 'Edit theme' }).click();
  const form = ransom.getByRole('form', { name: 'Edit Ransom' });
  await form.getByLabel('Name').fill('Kidnap for ransom');
  await form.getByLabel('Under').selectOption({ label: 'Top of the codebook' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(themePage(page, 'Kidnap for ransom').getByRole('heading', { level: 1 })).toHaveText('Kidnap for ransom');
  await expect(themeLink(page, 'Kidnap for ransom')).toHaveAccessibleDescription('2 passages');

  // Highlighted and coded in one go from the selection toolbar, by keyboard.
  await openBundledArticle(page);
  const finally_ = paragraphStarting(page, 'Finally, a sanctuary');
  await finally_.scrollIntoViewIfNeeded();
  const box = (await finally_.boundingBox())!;
  await page.mouse.click(box.x + 1, box.y + 12);
  for (let step = 0; step < 20; step++) await page.keyboard.press('Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  const toolbarTheme = toolbar.getByRole('combobox', { name: 'Theme' });
  await toolbarTheme.click();
  await toolbarTheme.pressSequentially('kidnap');
  await expect(toolbar.getByRole('option', { name: 'Kidnap for ransom' })).toHaveAttribute('aria-selected', 'true');
  await toolbarTheme.press('Enter');
  await expect(toolbar).toBeHidden();
  await expect(highlightsPanel(page).getByRole('listitem').filter({ hasText: 'Finally, a sanctuary' }).getByRole('list', { name: 'Themes' })).toHaveText(
    'Kidnap for ransom',
  );
  await showView(page, 'Themes');
  await expect(themeLink(page, 'Kidnap for ransom')).toHaveAccessibleDescription('3 passages');

  // Every highlight narrowed to one theme.
  await page.getByRole('link', { name: 'All highlights' }).click();
  const all = page.getByRole('main', { name: 'All highlights' });
  await all.getByRole('combobox', { name: 'Theme', exact: true }).selectOption({ label: 'State complicity' });
  await expect(all.getByRole('status')).toHaveText('1 highlight');
  await expect(all.getByRole('list', { name: 'Themes' }).getByRole('link')).toHaveText(['Kidnap for ransom', 'State complicity']);

  // Merging one theme into another moves its passages; the merged theme is gone.
  await themeLink(page, 'Financing').click();
  const financing = themePage(page, 'Financing');
  await financing.getByRole('button', { name: 'Merge another theme into this one…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge another theme into Financing' });
  await dialog.getByRole('combobox', { name: 'Theme to merge' }).fill('State');
  await dialog.getByRole('option', { name: 'State complicity' }).click();
  await dialog.getByRole('button', { name: 'Merge State complicity into Financing' }).click();
  await expect(dialog).toBeHidden();
  await expect(themeLink(page, 'State complicity')).toHaveCount(0);
  await expect(themeLink(page, 'Financing')).toHaveAccessibleDescription('1 passage');
  await expect(financing.getByRole('region', { name: /^Passages/ }).getByRole('link', { name: /^“Firstly/ })).toBeVisible();

  // Search finds a theme by a word of its definition, and opens its page.
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+K' : 'Control+K');
  const search = page.getByRole('dialog', { name: 'Search' });
  await page.keyboard.type('hostages');
  const found = search.getByRole('group', { name: 'Themes' }).getByRole('option');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Kidnap for ransom');
  // Narrowed to a theme, a search finds only the passages coded with it.
  await search.getByRole('searchbox').fill('sanctuary');
  await search.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Financing' });
  await expect(search.getByRole('group', { name: 'Highlights' }).getByRole('option')).toHaveCount(1);
  await expect(search.getByRole('group', { name: 'Highlights' }).getByRole('option')).toContainText('Firstly an Al-Qaeda sanctuary');
  await search.getByRole('button', { name: 'Clear filters' }).click();
  await search.getByRole('searchbox').fill('hostages');
  await found.click();
  await expect(themePage(page, 'Kidnap for ransom').getByRole('heading', { level: 1 })).toBeVisible();
});

test('the co-occurrence table counts the passages two codes share, opens them, and saves as CSV', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  await addTheme(page, 'Financing', 'How armed groups pay for themselves.');
  await addTheme(page, 'Ransom', 'Money paid to free hostages.', 'Financing');
  await addTheme(page, 'State complicity', 'Officials who look away or help.');
  await addActor(page, 'AQIM', 'Group');

  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));
  const firstCard = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: firstly }).first());
  await codeCard(firstCard, 'Ransom', 'Financing / Ransom');
  await codeCard(firstCard, 'State', 'State complicity');
  await tagCard(page, firstly, 'AQIM');
  const secondCard = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: secondly }).first());
  await codeCard(secondCard, 'Ransom', 'Financing / Ransom');
  await tagCard(page, secondly, 'AQIM');

  await (await showView(page, 'Themes')).getByRole('link', { name: 'Co-occurrence' }).click();
  const view = page.getByRole('main', { name: 'Co-occurrence' });
  const table = view.getByRole('table');
  await expect(table.getByRole('button', { name: '1 passage with Financing / Ransom and State complicity' })).toBeVisible();
  await expect(table.getByRole('button', { name: '2 passages coded with Financing / Ransom' })).toBeVisible();
  // Financing itself codes nothing: its row is there, with nothing to open.
  await expect(table.getByRole('rowheader', { name: 'Financing', exact: true })).toBeVisible();
  await expect(table.getByRole('button', { name: /(with|coded with) Financing( and|$)/ })).toHaveCount(0);

  await view.getByRole('combobox', { name: 'Themes against' }).selectOption({ label: 'Actors' });
  const cell = table.getByRole('button', { name: '2 passages with Financing / Ransom and AQIM' });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const passages = view.getByRole('region', { name: /^Passages with Financing \/ Ransom and AQIM/ });
  await expect(passages.getByRole('link', { name: /^“/ })).toHaveText([`“${firstly}”`, `“${secondly}”`]);
  await attachScreenshot(page, testInfo, 'co-occurrence');

  const { name, bytes } = await exportFrom(page, view, 'Export', 'Table as CSV');
  expect(name).toBe('Theme and actor co-occurrence.csv');
  const rows = bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(rows).toEqual(['Theme,AQIM', 'Financing,0', 'Financing / Ransom,2', 'State complicity,1']);

  // The whole project goes to NVivo, ATLAS.ti or MAXQDA as REFI-QDA: a zip holding the project with its codes.
  const library = await showView(page, 'Library');
  const project = await exportFrom(page, library.getByRole('navigation', { name: 'Library' }), 'Export library', /^REFI-QDA project/);
  expect(project.name).toMatch(/\.qdpx$/);
  const files = unzipSync(new Uint8Array(project.bytes));
  const qde = strFromU8(files['project.qde']!);
  expect(qde).toContain('<Code ');
  expect(qde).toMatch(/name="Ransom"/);
  expect(qde).toMatch(/<PlainTextSelection /);
});

test('a REFI-QDA project from ATLAS.ti imports through the Import button, its codes becoming the codebook', async ({ page }) => {
  await importFiles(page, path.resolve(REPO_ROOT, '../shared/testdata/refi-qda/atlas.qdpx'));
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('status')).toContainText('Imported the project “target-atlas-project”: 3 themes.');
  await showView(page, 'Themes');
  await expect(themeLink(page, 'Commits')).toHaveAccessibleDescription('0 passages');
  await expect(themeLink(page, '2022-05-10T02:05:59Z 19e4dce')).toHaveAccessibleDescription('Under Commits · 0 passages');

  // The same project again adds nothing.
  await importFiles(page, path.resolve(REPO_ROOT, '../shared/testdata/refi-qda/atlas.qdpx'));
  await expect(library.getByRole('status')).toContainText('The project “target-atlas-project” held nothing new for this library.');
  await showView(page, 'Themes');
  await expect(codebook(page).getByRole('list', { name: 'Themes' }).getByRole('link')).toHaveCount(3);
});
