import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import {
  addActor,
  highlightOpening,
  highlightsPanel,
  newNote,
  noteBody,
  noteView,
  openBundledArticle,
  paragraphStarting,
  showView,
  waitForSaved,
} from './user-actions';

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

test('the note screen, with its toolbar, a check list, a link, a mention, a quote and backlinks, passes axe in light and dark', async ({ page }, testInfo) => {
  // Four full axe scans after a dozen steps: bounded for a busy 2-CPU machine.
  test.setTimeout(150_000);
  await addActor(page, 'AQIM', 'Group', 'Al-Qaeda in the Islamic Maghreb');
  await openBundledArticle(page);
  const passage = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));

  await newNote(page, 'Logistics');
  await page.keyboard.type('Supply comes first.');
  await waitForSaved(page);
  await newNote(page, 'Sanctuary');
  await page.keyboard.type('# Conditions\n');
  await page.keyboard.type('[] protection\nsupply\n\n');
  await page.keyboard.type('See [[Logis');
  await page.getByRole('listbox', { name: 'Link to note' }).getByRole('option', { name: /^Logistics/ }).click();
  await page.keyboard.type(' and @AQ');
  await page.getByRole('listbox', { name: 'Mention actor' }).getByRole('option', { name: /AQIM/ }).click();
  await page.keyboard.type(' for supplies.');
  await waitForSaved(page);
  await openBundledArticle(page);
  const card = highlightsPanel(page).getByRole('listitem').filter({ hasText: passage });
  await card.getByRole('button', { name: 'Quote in note' }).click();
  await card.getByText('Quoted in “Sanctuary”.').getByRole('link', { name: '“Sanctuary”' }).click();
  const body = noteBody(page);
  await expect(body.getByRole('link', { name: `Open passage: “${passage}` })).toBeVisible();
  await expect(body.getByRole('checkbox', { name: 'protection' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'note with a check list, a link, a mention and a quote');

  await body.getByRole('link', { name: 'Logistics' }).click();
  await expect(noteView(page).getByLabel('Note title')).toHaveValue('Logistics');
  await expect(noteView(page).getByRole('region', { name: 'Linked from' }).getByRole('link', { name: 'Sanctuary' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'note with backlinks');
});
