import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, highlightOpening, openBundledArticle, paragraphStarting } from './user-actions';

const hypothesesView = (page: Page) => page.getByRole('main', { name: 'Hypotheses' });
const evidence = (page: Page) => page.getByRole('complementary', { name: 'Evidence' });
const entry = (page: Page, passage: string) => evidence(page).getByRole('listitem').filter({ hasText: passage });

test('passages come into an analysis from the Evidence panel beside it, dragged onto the matrix or added by keyboard', async ({ page }, testInfo) => {
  // Axe runs twice (light and dark) on a page with the matrix and the panel: longer than the default on a shared machine.
  test.setTimeout(90_000);
  await openBundledArticle(page);
  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));

  await page.getByRole('link', { name: 'Hypotheses', exact: true }).click();
  const view = hypothesesView(page);
  await view.getByLabel('New analysis').fill('Who gains from the sanctuary');
  await view.getByLabel('New analysis').press('Enter');
  await expect(view.getByRole('heading', { level: 2, name: 'Who gains from the sanctuary' })).toBeVisible();
  await view.getByLabel('New hypothesis').fill('AQIM');
  await view.getByLabel('New hypothesis').press('Enter');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H1' })).toHaveValue('AQIM');

  // Beside the analysis, the document read last, with its passages.
  const panel = evidence(page);
  await expect(panel.getByRole('combobox', { name: 'Document' }).locator('option:checked')).toHaveText(BUNDLED_TITLE);
  await expect(entry(page, firstly)).toBeVisible();
  await expect(entry(page, secondly)).toBeVisible();

  // Dragged with the mouse onto the (still empty) matrix, the passage becomes E1.
  const emptyMatrix = view.getByText('Add evidence to fill the matrix');
  await entry(page, firstly).getByRole('button', { name: /^Open in document:/ }).dragTo(emptyMatrix);
  await expect(view.getByRole('status').filter({ hasText: 'Added the passage to “Who gains from the sanctuary”.' })).toBeVisible();
  const matrix = view.getByRole('table');
  await expect(matrix.getByRole('rowheader', { name: /^E1 / })).toContainText(firstly.slice(0, 30));
  await expect(entry(page, firstly).getByText('In this analysis')).toBeVisible();
  await expect(entry(page, firstly).getByRole('button', { name: 'Add as evidence' })).toHaveCount(0);

  // The other by keyboard: its button gives way to the mark, which takes the focus.
  const add = entry(page, secondly).getByRole('button', { name: 'Add as evidence' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(entry(page, secondly).getByText('Added the passage to “Who gains from the sanctuary”.')).toBeVisible();
  await expect(entry(page, secondly).getByText('In this analysis')).toBeFocused();
  await expect(matrix.getByRole('rowheader', { name: /^E2 / })).toContainText(secondly.slice(0, 30));
  await expect(matrix.getByRole('rowheader', { name: /^E2 / }).locator('q')).toContainText(secondly.slice(0, 30));

  // Dragged in again, step by step: the drop target shows while the passage is on its way, and a
  // passage is not counted twice: the analysis says it is there already.
  const row = matrix.getByRole('rowheader', { name: /^E1 / });
  await row.scrollIntoViewIfNeeded();
  const target = await row.boundingBox();
  if (!target) throw new Error('The matrix is not on screen.');
  await entry(page, firstly).getByRole('button', { name: /^Open in document:/ }).hover();
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await expect(view.getByText('Drop the passage here to add it as evidence')).toBeVisible();
  await attachScreenshot(page, testInfo, 'ach-evidence-dragging');
  await page.mouse.up();
  await expect(view.getByText('Drop the passage here to add it as evidence')).toBeHidden();
  await expect(view.getByRole('status').filter({ hasText: 'This passage is already evidence in “Who gains from the sanctuary”.' })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: /^E\d+ / })).toHaveCount(2);
  await expect(view.getByRole('alert')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'ach-evidence');
  await expectNoSeriousViolations(page, testInfo, 'hypotheses with the Evidence panel');

  // The rows stay after a reload, and the panel still marks both passages.
  await page.reload();
  await expect(matrix.getByRole('rowheader', { name: /^E1 / })).toContainText(firstly.slice(0, 30));
  await expect(matrix.getByRole('rowheader', { name: /^E2 / })).toContainText(secondly.slice(0, 30));
  await expect(panel.getByText('In this analysis')).toHaveCount(2);
});
