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
  openCard,
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
  // Cards are compact until their disclosure opens them (e419e5f), and Quote in note is inside.
  const card = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: passage }));
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

test('the Document details form, with a tag and a refused date, passes axe in light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openBundledArticle(page);
  await page.getByRole('main', { name: 'Reader' }).getByRole('button', { name: 'Document details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByRole('textbox', { name: 'New tag' }).fill('Sahel');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await dialog.getByLabel('Date published').fill('2012-13');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByLabel('Date published')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, testInfo, 'document details');
});

test('the Collections dialog, with a collection being renamed, passes axe in light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await showView(page, 'Library');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Collections…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Collections' });
  await dialog.getByRole('textbox', { name: 'New collection' }).fill('Sahel field');
  await dialog.getByRole('button', { name: 'Create collection' }).click();
  await dialog.getByRole('textbox', { name: 'New collection' }).fill('Niger basin');
  await dialog.getByRole('button', { name: 'Create collection' }).click();
  await dialog.getByRole('button', { name: 'Rename Niger basin' }).click();
  await expect(dialog.getByRole('textbox', { name: 'New name for Niger basin' })).toBeFocused();
  await expectNoSeriousViolations(page, testInfo, 'collections dialog');
});

test('the codebook, a card coded with a theme, a theme’s page and the co-occurrence table pass axe in light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openBundledArticle(page);
  const codebook = await showView(page, 'Themes');
  for (const [name, under] of [
    ['Financing', ''],
    ['Ransom', 'Financing'],
  ] as const) {
    await codebook.getByRole('button', { name: 'New theme' }).click();
    const form = codebook.getByRole('form', { name: 'New theme' });
    await form.getByLabel('Name').fill(name);
    if (under) await form.getByLabel('Under').selectOption({ label: under });
    await form.getByRole('button', { name: 'Add theme' }).click();
    await expect(form).toBeHidden();
  }
  const words = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const card = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: words }).first());
  await card.getByRole('combobox', { name: 'Theme' }).fill('Ransom');
  await card.getByRole('option', { name: 'Financing / Ransom' }).click();
  await expect(card.getByRole('button', { name: 'Remove theme Ransom' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'codebook and coded card');

  await codebook.getByRole('link', { name: 'Ransom', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ransom' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'theme page');

  await codebook.getByRole('link', { name: 'Co-occurrence' }).click();
  await page.getByRole('button', { name: '1 passage coded with Financing / Ransom' }).click();
  await expect(page.getByRole('region', { name: /^Passages coded with Financing \/ Ransom/ })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'co-occurrence');
});
