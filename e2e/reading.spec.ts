import { expect, test } from './fixtures';
import { openBundledArticle, paragraphStarting, reader } from './user-actions';

const LARGER = process.platform === 'darwin' ? 'Meta+Equal' : 'Control+Equal';

test('the reader’s text size and line length are set from its tools or the zoom keys, and kept', async ({ page }) => {
  await openBundledArticle(page);
  const paragraph = paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary');
  const text = reader(page).getByRole('group', { name: 'Text' });
  await expect(paragraph).toHaveCSS('font-size', '18px');
  await expect(text.getByRole('status', { name: 'Text size' })).toHaveText('100%');

  await paragraph.click();
  await page.keyboard.press(LARGER);
  await expect(paragraph).toHaveCSS('font-size', '20px');
  await expect(text.getByRole('status', { name: 'Text size' })).toHaveText('111%');

  await text.getByRole('button', { name: 'Smaller text' }).click();
  await text.getByRole('button', { name: 'Smaller text' }).click();
  await expect(paragraph).toHaveCSS('font-size', '17px');
  await expect(text.getByRole('status', { name: 'Text size' })).toHaveText('94%');

  const before = (await paragraph.boundingBox())!.width;
  // Shorter lines (longer ones are capped by the window when the Highlights panel is open).
  await text.getByLabel('Lines').selectOption({ label: 'Narrow' });
  await expect.poll(async () => (await paragraph.boundingBox())!.width).toBeLessThan(before * 0.9);

  await page.reload();
  await expect(paragraph).toHaveCSS('font-size', '17px');
  await expect(text.getByLabel('Lines')).toHaveValue('narrow');
});
