import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import { BUNDLED_TITLE, importFiles, reader, showView } from './user-actions';

/*
 * The library as a research library, as a Zotero user expects it: the list sorted by what a
 * bibliography cares about, each document's citation details edited in one form, tags and
 * collections to narrow the list by.
 */

const note = (name: string, title: string, body: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(`# ${title}\n\n${body}\n`) });
const CONVOY = 'Convoy routes north of Gao';
const MARKET = 'Market prices in Mopti';
const FERRY = 'Ferry crossings at Kidal';

const libraryPane = (page: Page) => page.getByRole('navigation', { name: 'Library' });
/** The titles the Library lists, top to bottom. */
const listedTitles = (page: Page) => libraryPane(page).getByRole('list', { name: 'Documents' }).getByRole('listitem').getByRole('button');

/** Three documents besides the bundled one, imported one call after another so each has its own time added. */
async function importThree(page: Page): Promise<void> {
  for (const [file, title] of [
    ['convoy.md', CONVOY],
    ['market.md', MARKET],
    ['ferry.md', FERRY],
  ] as const) {
    await importFiles(page, [note(file, title, `${title}: what the field team saw, week by week.`)]);
    await expect(reader(page).getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}

test('the library is sorted as chosen, and the choice is kept after a reload', async ({ page }) => {
  await importThree(page);
  const sortBy = libraryPane(page).getByRole('combobox', { name: 'Sort by' });
  await expect(sortBy).toHaveValue('title');
  await expect(listedTitles(page)).toHaveText([BUNDLED_TITLE, CONVOY, FERRY, MARKET]);

  await sortBy.selectOption({ label: 'Date added' });
  await expect(listedTitles(page)).toHaveText([FERRY, MARKET, CONVOY, BUNDLED_TITLE]);

  await page.reload();
  await showView(page, 'Library');
  await expect(libraryPane(page).getByRole('combobox', { name: 'Sort by' })).toHaveValue('added');
  await expect(listedTitles(page)).toHaveText([FERRY, MARKET, CONVOY, BUNDLED_TITLE]);

  // From the keyboard, as any select: focus it and choose with the arrows.
  await libraryPane(page).getByRole('combobox', { name: 'Sort by' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(libraryPane(page).getByRole('combobox', { name: 'Sort by' })).toHaveValue('published');
});

const detailsDialog = (page: Page) => page.getByRole('dialog', { name: 'Document details' });

/** Opens a document from the Library and its Document details form, as a person would. */
async function openDetails(page: Page, title: string): Promise<void> {
  await showView(page, 'Library');
  await libraryPane(page).getByRole('button', { name: title, exact: true }).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: title })).toBeVisible();
  await reader(page).getByRole('button', { name: 'Document details' }).click();
  await expect(detailsDialog(page)).toBeVisible();
  await expect(detailsDialog(page).getByLabel('Title', { exact: true })).toHaveValue(title);
}

async function setAuthorsAndDate(page: Page, title: string, authors: string, published: string): Promise<void> {
  await openDetails(page, title);
  await detailsDialog(page).getByLabel('Authors').fill(authors);
  await detailsDialog(page).getByLabel('Date published').fill(published);
  await detailsDialog(page).getByRole('button', { name: 'Save details' }).click();
  await expect(detailsDialog(page)).toBeHidden();
}

test('a document’s authors and date are edited in its details, the list sorts by them and search finds the author', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await importThree(page);

  // A date the rules refuse is said next to its field, and nothing is saved.
  await openDetails(page, CONVOY);
  const dialog = detailsDialog(page);
  await dialog.getByLabel('Authors').fill('Amadou Traoré\nDoe, Jane');
  await dialog.getByLabel('Date published').fill('2019-13');
  await dialog.getByLabel('Publisher or outlet').fill('Sahel Monitor');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  const date = dialog.getByLabel('Date published');
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/A date published is a year, a month or a day: 2012, 2012-03 or 2012-03-14\./);
  await attachScreenshot(page, testInfo, 'details-refused-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'details-refused-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await date.fill('2019-03');
  // Saved from the keyboard: Enter in a field submits the form.
  await date.press('Enter');
  await expect(dialog).toBeHidden();
  // The reader shows them at once, and focus is back on the button that opened the form.
  const meta = reader(page).locator('.document-meta');
  await expect(meta).toContainText('Amadou Traoré, Doe, Jane');
  await expect(meta).toContainText('Sahel Monitor');
  await expect(meta.locator('time[datetime="2019-03"]')).toBeVisible();
  await expect(reader(page).getByRole('button', { name: 'Document details' })).toBeFocused();

  // Escape with an edit made asks before throwing it away; Escape again goes back to the form.
  await reader(page).getByRole('button', { name: 'Document details' }).click();
  await dialog.getByLabel('Publisher or outlet').fill('Sahel Monitor Weekly');
  await page.keyboard.press('Escape');
  const leaving = dialog.getByRole('group', { name: 'Discard the changes to these details?' });
  await expect(leaving.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(leaving).toBeHidden();
  await expect(dialog.getByLabel('Publisher or outlet')).toHaveValue('Sahel Monitor Weekly');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await leaving.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(meta).toContainText('Sahel Monitor');
  await expect(meta).not.toContainText('Weekly');
  // Without an edit, Escape simply closes.
  await reader(page).getByRole('button', { name: 'Document details' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await setAuthorsAndDate(page, MARKET, 'Zeinab Bah', '2021-06-02');
  await setAuthorsAndDate(page, FERRY, 'Moussa Konaté', '2015');

  const sortBy = libraryPane(page).getByRole('combobox', { name: 'Sort by' });
  await sortBy.selectOption({ label: 'Author' });
  // By surname: Bah, Konaté, Traoré; the bundled article has no author, so it comes last.
  await expect(listedTitles(page)).toHaveText([MARKET, FERRY, CONVOY, BUNDLED_TITLE]);
  await sortBy.selectOption({ label: 'Date published' });
  await expect(listedTitles(page)).toHaveText([MARKET, CONVOY, FERRY, BUNDLED_TITLE]);
  await expect(libraryPane(page).getByRole('listitem').filter({ hasText: FERRY })).toContainText('Konaté · 2015');

  // Search finds a document by its author.
  await page.getByRole('button', { name: 'Search…' }).click();
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).pressSequentially('konate');
  const result = search.getByRole('group', { name: 'Documents', exact: true }).getByRole('option').filter({ hasText: FERRY });
  await expect(result).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a document is tagged in its details, and the Library is narrowed by tag', async ({ page }) => {
  await importThree(page);
  await openDetails(page, CONVOY);
  const dialog = detailsDialog(page);
  const newTag = dialog.getByRole('textbox', { name: 'New tag' });
  await newTag.fill('Logistics');
  await newTag.press('Enter');
  await newTag.fill('#sahel');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByRole('list', { name: 'Tags on this document' }).getByRole('listitem')).toHaveText(['Logistics', 'sahel']);
  await dialog.getByRole('button', { name: 'Remove tag Logistics' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove tag sahel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  await openDetails(page, FERRY);
  await detailsDialog(page).getByRole('textbox', { name: 'New tag' }).fill('Sahel');
  await detailsDialog(page).getByRole('textbox', { name: 'New tag' }).press('Enter');
  await detailsDialog(page).getByRole('button', { name: 'Save details' }).click();
  await expect(detailsDialog(page)).toBeHidden();

  const tag = libraryPane(page).getByRole('combobox', { name: 'Tag' });
  await tag.selectOption({ label: 'Sahel (2)' });
  await expect(listedTitles(page)).toHaveText([CONVOY, FERRY]);
  // Kept after a reload, as the order is.
  await page.reload();
  await expect(libraryPane(page).getByRole('combobox', { name: 'Tag' })).toHaveValue('Sahel');
  await expect(listedTitles(page)).toHaveText([CONVOY, FERRY]);
  await tag.selectOption({ label: 'Any tag' });
  await expect(listedTitles(page)).toHaveText([BUNDLED_TITLE, CONVOY, FERRY, MARKET]);
});

test('collections are made, renamed and deleted from the Library, hold documents, and narrow the list', async ({ page }) => {
  test.setTimeout(150_000);
  await importThree(page);
  await showView(page, 'Library');
  await libraryPane(page).getByRole('button', { name: 'Collections…' }).click();
  const manager = page.getByRole('dialog', { name: 'Collections' });
  const newName = manager.getByRole('textbox', { name: 'New collection' });
  await expect(newName).toBeFocused();
  await newName.fill('Sahel field');
  await newName.press('Enter');
  await newName.fill('Temporary');
  await manager.getByRole('button', { name: 'Create collection' }).click();
  // A name already taken is refused next to the field.
  await newName.fill('sahel FIELD');
  await newName.press('Enter');
  await expect(newName).toHaveAccessibleDescription('There is already a collection named “Sahel field”.');
  const listed = manager.getByRole('list', { name: 'Collections' }).getByRole('listitem');
  await expect(listed).toHaveCount(2);

  await manager.getByRole('button', { name: 'Rename Temporary' }).click();
  const rename = manager.getByRole('textbox', { name: 'New name for Temporary' });
  await expect(rename).toBeFocused();
  await rename.fill('Archive');
  await rename.press('Enter');
  await expect(manager.getByRole('button', { name: 'Rename Archive' })).toBeVisible();
  await manager.getByRole('button', { name: 'Delete Archive' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the collection “Archive”?' });
  await confirm.getByRole('button', { name: 'Delete collection' }).click();
  await expect(listed).toHaveCount(1);
  await expect(newName).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();

  // Two of the three documents go in "Sahel field"; one of them also in a collection made from its form.
  await openDetails(page, CONVOY);
  await detailsDialog(page).getByRole('checkbox', { name: 'Sahel field' }).check();
  await detailsDialog(page).getByRole('button', { name: 'Save details' }).click();
  await expect(detailsDialog(page)).toBeHidden();
  await openDetails(page, FERRY);
  const dialog = detailsDialog(page);
  await dialog.getByRole('checkbox', { name: 'Sahel field' }).check();
  await dialog.getByRole('textbox', { name: 'New collection' }).fill('Niger basin');
  await dialog.getByRole('button', { name: 'Add to new collection' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Niger basin' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  const collection = libraryPane(page).getByRole('combobox', { name: 'Collection' });
  await collection.selectOption({ label: 'Sahel field (2)' });
  await expect(listedTitles(page)).toHaveText([CONVOY, FERRY]);
  await collection.selectOption({ label: 'Niger basin (1)' });
  await expect(listedTitles(page)).toHaveText([FERRY]);

  // Taking a document out of the collection shown takes it out of the list.
  await openDetails(page, FERRY);
  await detailsDialog(page).getByRole('checkbox', { name: 'Niger basin' }).uncheck();
  await detailsDialog(page).getByRole('button', { name: 'Save details' }).click();
  await expect(detailsDialog(page)).toBeHidden();
  await expect(libraryPane(page).getByText('No document is in “Niger basin” yet.')).toBeVisible();

  // Deleting a collection keeps its documents.
  await collection.selectOption({ label: 'Sahel field (2)' });
  await libraryPane(page).getByRole('button', { name: 'Collections…' }).click();
  await manager.getByRole('button', { name: 'Delete Sahel field' }).click();
  await page.getByRole('dialog', { name: 'Delete the collection “Sahel field”?' }).getByRole('button', { name: 'Delete collection' }).click();
  await expect(manager.getByRole('status')).toHaveText('Deleted the collection “Sahel field”; its documents stay in the library.');
  await manager.getByRole('button', { name: 'Close' }).click();
  await expect(listedTitles(page)).toHaveText([BUNDLED_TITLE, CONVOY, FERRY, MARKET]);
});
