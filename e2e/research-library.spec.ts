import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
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
