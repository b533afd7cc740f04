import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { addActor, highlightOpening, openBundledArticle, paragraphStarting, showView } from './user-actions';

/*
 * Every screen a researcher works in, checked by axe-core in light and dark: no violation of
 * serious or critical impact. (Moderate and minor ones are attached to the report, to look at.)
 */

const SEARCH_CHORD = process.platform === 'darwin' ? 'Meta+K' : 'Control+K';

test('the library, reader, actors and notes views, actor page and search dialog pass axe in light and dark', async ({ page }, testInfo) => {
  // Twelve full axe scans: the bound is for a busy 2-CPU machine, where each takes seconds.
  test.setTimeout(120_000);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'library');

  await openBundledArticle(page);
  await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await expectNoSeriousViolations(page, testInfo, 'reader');

  await addActor(page, 'AQIM', 'Group', 'Al-Qaeda in the Islamic Maghreb');
  await expectNoSeriousViolations(page, testInfo, 'actors view');
  await showView(page, 'Notes');
  await expectNoSeriousViolations(page, testInfo, 'notes view');
  await (await showView(page, 'Actors')).getByRole('link', { name: 'AQIM', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AQIM' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'actor page');

  await page.keyboard.press(SEARCH_CHORD);
  const search = page.getByRole('dialog', { name: 'Search' });
  await expect(search).toBeVisible();
  await page.keyboard.type('sanctuary');
  await expect(search.getByRole('group', { name: 'Documents', exact: true }).getByRole('option').first()).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'search dialog');
});
