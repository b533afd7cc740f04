import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { exportFrom, highlightOpening, highlightsPanel, openBundledArticle, openCard, paragraphStarting } from './user-actions';

const hypothesesView = (page: Page) => page.getByRole('main', { name: 'Hypotheses' });

/** The cells of one row of the matrix's scores, one per hypothesis. */
const scores = (matrix: Locator, title: string) => matrix.getByRole('row', { name: new RegExp(`^${title}`) }).getByRole('cell');

test('a 3 x 4 matrix of competing hypotheses is built, rated and scored by keyboard and mouse', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openBundledArticle(page);
  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));

  // A new analysis, named by keyboard.
  await page.getByRole('link', { name: 'Hypotheses', exact: true }).click();
  const view = hypothesesView(page);
  await view.getByLabel('New analysis').focus();
  await page.keyboard.type('Who gains from the sanctuary');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 2, name: 'Who gains from the sanctuary' })).toBeVisible();
  await expect(view.getByRole('link', { name: 'Who gains from the sanctuary' })).toHaveAttribute('aria-current', 'page');
  await view.getByRole('button', { name: 'Edit name and question' }).click();
  await view.getByLabel('Question').fill('Who gains most from the sanctuary in the Sahel?');
  await view.getByRole('button', { name: 'Save name and question' }).click();
  await expect(view.getByRole('paragraph').filter({ hasText: 'Who gains most from the sanctuary in the Sahel?' })).toBeVisible();
  // Saved, the form folds away and the keyboard is back where it was.
  await expect(view.getByLabel('Question')).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'Edit name and question' })).toBeFocused();

  // Three hypotheses: two typed and sent with Enter, one with the button.
  const newHypothesis = view.getByLabel('New hypothesis');
  await newHypothesis.fill('AQIM');
  await newHypothesis.press('Enter');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H1' })).toHaveValue('AQIM');
  await newHypothesis.fill('The state');
  await newHypothesis.press('Enter');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H2' })).toHaveValue('The state');
  await newHypothesis.fill('Smugglers');
  await view.getByRole('button', { name: 'Add hypothesis' }).click();
  await expect(view.getByRole('textbox', { name: 'Hypothesis H3' })).toHaveValue('Smugglers');

  // Two typed items of evidence.
  const typed = view.getByLabel('New typed evidence');
  await typed.fill('Ransom payments reported in 2012');
  await typed.press('Enter');
  await expect(view.getByRole('rowheader', { name: /^E1 Ransom payments/ })).toBeVisible();
  await typed.fill('Army patrols withdrawn from the north');
  await view.getByRole('button', { name: 'Add evidence' }).click();
  await expect(view.getByRole('rowheader', { name: /^E2 Army patrols/ })).toBeVisible();

  // A passage from its highlight card, with the mouse.
  await openBundledArticle(page);
  const card = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: firstly }).first());
  await card.getByRole('button', { name: 'Add to analysis…' }).click();
  await expect(card.getByRole('combobox', { name: 'Analysis' })).toHaveValue(/\d+/);
  await card.getByRole('button', { name: 'Add as evidence' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Added the passage to “Who gains from the sanctuary”.' })).toBeVisible();

  // Another from All highlights, by keyboard.
  await page.getByRole('link', { name: 'All highlights' }).click();
  const all = page.getByRole('main', { name: 'All highlights' });
  const box = all.getByRole('checkbox', { name: new RegExp(`^Select “${secondly.slice(0, 16)}`) });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  const selected = all.getByRole('region', { name: 'Selected highlights' });
  const add = selected.getByRole('button', { name: 'Add to analysis…' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(add).toHaveAttribute('aria-expanded', 'true');
  await selected.getByRole('button', { name: 'Add as evidence' }).focus();
  await page.keyboard.press('Enter');
  await expect(selected.getByRole('status').filter({ hasText: 'Added the passage to “Who gains from the sanctuary”.' })).toBeVisible();

  await page.getByRole('link', { name: 'Hypotheses', exact: true }).click();
  await view.getByRole('link', { name: 'Who gains from the sanctuary' }).click();
  const matrix = view.getByRole('table');
  await expect(matrix.getByRole('rowheader', { name: /^E3 / })).toContainText(firstly.slice(0, 30));
  await expect(matrix.getByRole('rowheader', { name: /^E4 / })).toContainText(secondly.slice(0, 30));
  await expect(matrix.getByRole('columnheader')).toHaveText(['Evidence', 'Weight', 'H1: AQIM', 'H2: The state', 'H3: Smugglers', 'Diagnostic', 'Remove']);

  // Ratings: E1 and E2 with the mouse, E3 and E4 with the keyboard (arrows step through CC, C, N, I, II, NA).
  const cell = (e: number, h: number) => matrix.getByRole('combobox', { name: `Rating of E${e} against H${h}` });
  const rateByMouse = async (e: number, h: number, code: string) => {
    await cell(e, h).selectOption(code);
    await expect(cell(e, h)).toHaveValue(code);
  };
  const rateByKeyboard = async (e: number, h: number, steps: number, code: string) => {
    await cell(e, h).focus();
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    await expect(cell(e, h)).toHaveValue(code);
  };
  await rateByMouse(1, 1, 'I');
  await rateByMouse(1, 2, 'C');
  await rateByMouse(1, 3, 'C');
  await rateByMouse(2, 1, 'C');
  await rateByMouse(2, 2, 'II');
  await rateByMouse(2, 3, 'C');
  await rateByKeyboard(3, 1, 1, 'CC');
  await rateByKeyboard(3, 2, 4, 'I');
  await rateByKeyboard(4, 1, 2, 'C');
  await rateByKeyboard(4, 2, 2, 'C');
  await rateByKeyboard(4, 3, 2, 'C');

  // Heuer's scores: inconsistencies count (I 1, II 2), the least inconsistent ranks first.
  await expect(scores(matrix, 'Weighted inconsistency')).toHaveText(['1', '3', '0']);
  await expect(scores(matrix, 'Inconsistencies')).toHaveText(['1', '3', '0']);
  await expect(scores(matrix, 'Weighted consistency')).toHaveText(['4', '2', '3']);
  await expect(scores(matrix, 'Rank')).toHaveText(['2', '3', '1']);
  await expect(view.getByRole('status').filter({ hasText: /^Least inconsistent/ })).toHaveText('Least inconsistent: H3 (Smugglers).');
  // E4 is consistent with all three: it cannot tell them apart.
  await expect(matrix.getByRole('row', { name: /^E4 / }).getByRole('cell').nth(4)).toHaveText('No');
  await expect(matrix.getByRole('row', { name: /^E1 / }).getByRole('cell').nth(4)).toHaveText('Yes');
  await attachScreenshot(page, testInfo, 'hypotheses');

  // E2 weighed High by keyboard: its II now counts 4.
  const weight = matrix.getByRole('combobox', { name: 'Weight of E2' });
  await weight.focus();
  await page.keyboard.press('ArrowDown');
  await expect(weight).toHaveValue('2');
  await expect(scores(matrix, 'Weighted inconsistency')).toHaveText(['1', '5', '0']);
  await expect(scores(matrix, 'Inconsistencies')).toHaveText(['1', '3', '0']);

  // Weighed by source grade: the article is not graded, so every item counts a quarter.
  await view.getByRole('checkbox', { name: /Weigh evidence by its source grade/ }).check();
  await expect(scores(matrix, 'Weighted inconsistency')).toHaveText(['0.25', '1.25', '0']);
  await view.getByRole('checkbox', { name: /Weigh evidence by its source grade/ }).uncheck();
  await expect(scores(matrix, 'Weighted inconsistency')).toHaveText(['1', '5', '0']);
  await expectNoSeriousViolations(page, testInfo, 'hypotheses');

  const csv = await exportFrom(page, view, 'Export analysis', 'Matrix and scores as CSV');
  expect(csv.name).toBe('Who gains from the sanctuary.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Item,Evidence,Source,Grade,Weight,Weight used,Diagnostic,H1: AQIM,H2: The state,H3: Smugglers');
  expect(lines[3]).toContain(firstly.slice(0, 20));
  expect(lines.at(-1)).toBe('Rank,,,,,,,2,3,1');
  const markdown = await exportFrom(page, view, 'Export analysis', 'Report as Markdown');
  expect(markdown.bytes.toString('utf8')).toContain('| 1 | H3: Smugglers | 0 | 0 | 4 |');

  // Renamed, then deleted after a confirmation.
  await view.getByRole('button', { name: 'Edit name and question' }).click();
  await expect(view.getByLabel('Name', { exact: true })).toBeFocused();
  await view.getByLabel('Name', { exact: true }).fill('Sanctuary');
  await view.getByLabel('Name', { exact: true }).press('Enter');
  await expect(view.getByRole('link', { name: 'Sanctuary', exact: true })).toBeVisible();
  await view.getByRole('button', { name: 'Delete analysis…' }).click();
  await view.getByRole('group', { name: 'Delete “Sanctuary”?' }).getByRole('button', { name: 'Delete analysis' }).click();
  await expect(view.getByText('No analyses yet.')).toBeVisible();
});
