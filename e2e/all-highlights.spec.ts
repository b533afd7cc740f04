import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { addActor, BUNDLED_TITLE, highlightOpening, importFiles, openBundledArticle, paragraphStarting, reader, tagCard } from './user-actions';

const DIARY = 'Gao field diary';

test('highlights from two documents are listed together, narrowed by actor, and each opens at its place', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await importFiles(page, [
    { name: 'gao-diary.md', mimeType: 'text/markdown', buffer: Buffer.from(`# ${DIARY}\n\nThe convoy crossed the river near Gao at dawn, watched from the bank. Réfugiés arrived by noon 🚚.\n`) },
  ]);
  await expect(reader(page).getByRole('heading', { level: 1, name: DIARY })).toBeVisible();
  const convoy = await highlightOpening(page, paragraphStarting(page, 'The convoy crossed'));

  await openBundledArticle(page);
  const sanctuary = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await tagCard(page, sanctuary, 'AQIM');

  await page.getByRole('link', { name: 'All highlights' }).click();
  const view = page.getByRole('main', { name: 'All highlights' });
  await expect(view.getByRole('heading', { level: 1, name: 'All highlights' })).toBeVisible();
  await expect(view.getByRole('status')).toHaveText('2 highlights');
  const entries = view.getByRole('list').first().getByRole('listitem').filter({ has: page.locator('a.actor-passage-quote') });
  // Newest first: the bundled article's passage was made last.
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(sanctuary);
  await expect(entries.nth(0)).toContainText(BUNDLED_TITLE);
  await expect(entries.nth(0).getByRole('list', { name: 'Actors' })).toHaveText('AQIM');
  await expect(entries.nth(1)).toContainText(convoy);
  await expect(entries.nth(1)).toContainText(DIARY);
  await attachScreenshot(page, testInfo, 'all-highlights-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'all-highlights-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoSeriousViolations(page, testInfo, 'All highlights');

  // In reading order, documents go by title: the article (A…) before the diary (G…).
  await view.getByLabel('Order', { exact: true }).selectOption({ label: 'In reading order' });
  await expect(entries.nth(0)).toContainText(sanctuary);
  await expect(entries.nth(1)).toContainText(convoy);

  // Narrowed to an actor: only the tagged passage.
  await view.getByLabel('Actor', { exact: true }).selectOption({ label: 'AQIM' });
  await expect(view.getByRole('status')).toHaveText('1 highlight');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(sanctuary);
  await view.getByLabel('Actor', { exact: true }).selectOption({ label: 'Any actor' });
  await view.getByLabel('Document', { exact: true }).selectOption({ label: DIARY });
  await expect(entries).toHaveCount(1);

  // A passage opens its document there.
  await entries.first().getByRole('link', { name: new RegExp(`^“${convoy.slice(0, 20)}`) }).click();
  await expect(page).toHaveURL(/#\/document\/\d+\/highlight\/\d+$/);
  await expect(reader(page).getByRole('heading', { level: 1, name: DIARY })).toBeVisible();
});
