import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { addActor, BUNDLED_TITLE, exportFrom, highlightOpening, importFiles, openBundledArticle, paragraphStarting, reader, tagCard } from './user-actions';

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

  // Narrowed to the documents carrying a tag: the diary's passage only.
  await reader(page).getByRole('button', { name: 'Document details' }).click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await details.getByRole('textbox', { name: 'New tag' }).fill('field notes');
  await details.getByRole('button', { name: 'Add tag' }).click();
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await page.getByRole('link', { name: 'All highlights' }).click();
  await view.getByLabel('Document', { exact: true }).selectOption({ label: 'Every document' });
  await expect(view.getByRole('status')).toHaveText('2 highlights');
  await view.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'field notes' });
  await expect(view.getByRole('status')).toHaveText('1 highlight');
  await expect(entries.first()).toContainText(convoy);
});

test('highlights chosen from two documents are exported as one CSV and tagged with an actor at once, and the list narrows by day', async ({ page }) => {
  test.setTimeout(90_000);
  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await importFiles(page, [
    { name: 'gao-diary.md', mimeType: 'text/markdown', buffer: Buffer.from(`# ${DIARY}\n\nThe convoy crossed the river near Gao at dawn, watched from the bank. Réfugiés arrived by noon 🚚.\n`) },
  ]);
  await expect(reader(page).getByRole('heading', { level: 1, name: DIARY })).toBeVisible();
  const convoy = await highlightOpening(page, paragraphStarting(page, 'The convoy crossed'));
  await openBundledArticle(page);
  const sanctuary = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const third = await highlightOpening(page, paragraphStarting(page, 'Secondly'));

  await page.getByRole('link', { name: 'All highlights' }).click();
  const view = page.getByRole('main', { name: 'All highlights' });
  await expect(view.getByRole('status').first()).toHaveText('3 highlights');
  const boxName = (words: string) => new RegExp(`^Select “${words.slice(0, 16)}`);
  const box = (words: string) => view.getByRole('checkbox', { name: boxName(words) });

  // Newest first: the third passage, the sanctuary, then the convoy. A click, then Shift+Space, chooses the two after the first.
  await box(sanctuary).click();
  await box(convoy).focus();
  await page.keyboard.press('Shift+Space');
  await expect(box(sanctuary)).toBeChecked();
  await expect(box(convoy)).toBeChecked();
  await expect(box(third)).not.toBeChecked();
  const selected = view.getByRole('region', { name: 'Selected highlights' });
  await expect(selected).toContainText('2 highlights selected');

  const csv = await exportFrom(page, selected, 'Export selected', 'Selected as CSV');
  expect(csv.name).toBe('Selected highlights.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^document,quote,/);
  expect(lines.some((line) => line.startsWith(`${DIARY},`) && line.includes(convoy.slice(0, 20)))).toBe(true);
  expect(lines.some((line) => line.includes(sanctuary.slice(0, 20)) && line.includes(BUNDLED_TITLE))).toBe(true);
  expect(lines.join('\n')).not.toContain(third.slice(0, 20));

  const tag = selected.getByRole('combobox', { name: 'Tag selected with actor' });
  await tag.fill('AQIM');
  await selected.getByRole('option', { name: /^AQIM\b/ }).first().click();
  await expect(selected.getByRole('status').filter({ hasText: 'Tagged' })).toHaveText('Tagged 2 highlights with AQIM.');
  const entry = (words: string) => view.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: boxName(words) }) });
  await expect(entry(convoy).getByRole('list', { name: 'Actors' })).toHaveText('AQIM');
  await expect(entry(sanctuary).getByRole('list', { name: 'Actors' })).toHaveText('AQIM');
  await expect(entry(third).getByRole('list', { name: 'Actors' })).toHaveCount(0);

  // Narrowed by day: all three were made today, none tomorrow.
  const [today, tomorrow] = await page.evaluate(() => {
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return [day(now), day(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1))];
  });
  await view.getByLabel('Created from').fill(tomorrow);
  await expect(view.getByRole('status').first()).toHaveText('No highlight matches these choices.');
  await expect(selected).toBeHidden();
  await view.getByLabel('Created from').fill(today);
  await view.getByLabel('Created to').fill(today);
  await expect(view.getByRole('status').first()).toHaveText('3 highlights');
});
