import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { openBundledArticle } from './user-actions';

const SEARCH_CHORD = process.platform === 'darwin' ? 'Meta+K' : 'Control+K';
const hypothesesView = (page: Page) => page.getByRole('main', { name: 'Hypotheses' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search' });

test('Ctrl+K finds an analysis by a word of its hypothesis and opens it by keyboard', async ({ page }, testInfo) => {
  // Two axe passes (light and dark) take most of it: some 20 s alone, more beside another worker.
  test.setTimeout(60_000);
  // An analysis and two hypotheses, typed as the analyst does.
  await page.getByRole('link', { name: 'Hypotheses', exact: true }).click();
  const view = hypothesesView(page);
  await view.getByLabel('New analysis').focus();
  await page.keyboard.type('Who pays the ransoms');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 2, name: 'Who pays the ransoms' })).toBeVisible();
  const newHypothesis = view.getByLabel('New hypothesis');
  await newHypothesis.fill('European governments');
  await newHypothesis.press('Enter');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H1' })).toHaveValue('European governments');
  await newHypothesis.fill('Middlemen in Gao, paid by the smugglers');
  await newHypothesis.press('Enter');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H2' })).toHaveValue('Middlemen in Gao, paid by the smugglers');

  // Elsewhere in the app, search finds it by a word of H2.
  await openBundledArticle(page);
  await page.keyboard.press(SEARCH_CHORD);
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('middlemen');
  const analyses = dialog(page).getByRole('group', { name: 'Analyses', exact: true });
  const result = analyses.getByRole('option').filter({ hasText: 'Who pays the ransoms' });
  await expect(result).toBeVisible();
  await expect(result).toContainText('Hypothesis H2: Middlemen in Gao, paid by the smugglers');
  await expect(result.locator('mark')).toHaveText(['Middlemen']);
  await expect(result).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await result.getAttribute('id'))!);
  await attachScreenshot(page, testInfo, 'search-analysis');
  await expectNoSeriousViolations(page, testInfo, 'search with an analysis');

  // Enter opens it: the analysis, chosen in the list, with its hypotheses.
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(/#\/hypotheses\/\d+$/);
  await expect(view.getByRole('heading', { level: 2, name: 'Who pays the ransoms' })).toBeVisible();
  await expect(view.getByRole('link', { name: 'Who pays the ransoms' })).toHaveAttribute('aria-current', 'page');
  await expect(view.getByRole('textbox', { name: 'Hypothesis H2' })).toHaveValue('Middlemen in Gao, paid by the smugglers');
});
