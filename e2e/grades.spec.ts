import { expect, test } from './fixtures';
import { highlightOpening, highlightsPanel, openBundledArticle, openCard, paragraphStarting, reader } from './user-actions';

test('a document is graded with the Admiralty code, its passages show it, one passage is judged apart, and All highlights filters by grade', async ({ page }) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));

  await reader(page).getByRole('button', { name: 'Document details' }).click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await details.getByRole('combobox', { name: 'Source reliability' }).selectOption({ label: 'B: Usually reliable' });
  await details.getByRole('combobox', { name: 'Credibility of its passages' }).selectOption({ label: '2: Probably true' });
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(reader(page).locator('.document-meta')).toContainText('B2');
  await expect(reader(page).locator('.document-meta').getByText('B2')).toHaveAttribute('title', 'Usually reliable, probably true');

  // Every passage carries its document's grade until it is judged apart.
  const cards = highlightsPanel(page).getByRole('listitem');
  await expect(cards.filter({ hasText: secondly }).first()).toContainText('Grade B2');
  const first = await openCard(cards.filter({ hasText: firstly }).first());
  const credibility = first.getByRole('combobox', { name: 'Credibility' });
  await expect(credibility.locator('option').first()).toHaveText('As its document (2: Probably true)');
  await credibility.selectOption({ label: '4: Doubtful' });
  await first.getByRole('button', { name: 'Edit highlight' }).click();
  await expect(cards.filter({ hasText: firstly }).first()).toContainText('Grade B4');

  await page.getByRole('link', { name: 'All highlights' }).click();
  const all = page.getByRole('main', { name: 'All highlights' });
  await expect(all.getByRole('status')).toHaveText('2 highlights');
  const reliability = all.getByRole('combobox', { name: 'Source reliability' });
  await reliability.selectOption({ label: 'E: Unreliable' });
  await expect(all.getByRole('status')).toHaveText('No highlight matches these choices.');
  await reliability.selectOption({ label: 'B: Usually reliable' });
  await expect(all.getByRole('status')).toHaveText('2 highlights');
  await expect(all.getByText('Grade B4')).toBeVisible();
});
