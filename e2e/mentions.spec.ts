import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addActor, highlightsPanel, openBundledArticle, reader, showMentions, showView } from './user-actions';

const mentionsSection = (page: Page) => highlightsPanel(page).getByRole('region', { name: /^Mentions/ });
const cards = (page: Page) => highlightsPanel(page).locator('.highlight-list').getByRole('listitem');

/** Where the first occurrence of `words` in the article is drawn: the centre of its box. */
async function centreOfWords(page: Page, words: string): Promise<{ x: number; y: number }> {
  const box = await reader(page)
    .locator('article')
    .evaluate((article, wanted) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        // At once: the reader scrolls smoothly, and the box must be measured where it comes to rest.
        node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, words);
  if (!box) throw new Error(`“${words}” is not in the article.`);
  return box;
}

test('mentions are accepted as mentions, not highlights; “Not this actor” is remembered; a painted mention names its actor', async ({ page }) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await addActor(page, 'MNLA', 'Group');
  await showMentions(page);

  // Accept all records every AQIM mention, and not one highlight card appears.
  const aqim = mentionsSection(page).getByRole('region', { name: 'AQIM' });
  const acceptAll = aqim.getByRole('button', { name: /^Accept all \d+ mentions of AQIM$/ });
  const total = Number(/(\d+)/.exec((await acceptAll.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(10);
  await acceptAll.click();
  await expect(mentionsSection(page).getByRole('status')).toHaveText(`Accepted ${total} mentions of AQIM.`);
  await expect(acceptAll).toBeHidden();
  await expect(cards(page)).toHaveCount(0);

  // "Not this actor" on one MNLA place: it leaves the suggestions, for good.
  const mnla = mentionsSection(page).getByRole('region', { name: 'MNLA' });
  await expect(mnla.getByRole('button', { name: 'Accept all 2 mentions of MNLA' })).toBeVisible();
  await mnla.getByText('Review each mention').click();
  const footnote = mnla.getByRole('listitem').filter({ hasText: /Libération de l’Azawad \(MNLA/ });
  await footnote.getByRole('button', { name: 'Not this actor' }).click();
  await expect(mentionsSection(page).getByRole('status')).toHaveText('“MNLA” there is not MNLA; it will not be suggested again.');
  await expect(mnla.getByRole('button', { name: 'Accept the 1 mention of MNLA' })).toBeVisible();
  await expect(mnla.getByRole('list', { name: 'Not MNLA (1)' }).getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await expect(reader(page).getByRole('heading', { level: 1 })).toBeVisible();
  await showMentions(page);
  const mnlaAgain = mentionsSection(page).getByRole('region', { name: 'MNLA' });
  await expect(mnlaAgain.getByRole('button', { name: 'Accept the 1 mention of MNLA' })).toBeVisible();
  await mnlaAgain.getByText('Review each mention').click();
  await expect(mnlaAgain.getByRole('list', { name: 'Not MNLA (1)' }).getByRole('listitem')).toHaveText([/Libération de l’Azawad \(MNLA/]);
  await expect(cards(page)).toHaveCount(0);

  // Pointing at a painted mention names its actor; so does putting the caret in it.
  const word = await centreOfWords(page, 'AQMI');
  await page.mouse.move(word.x, word.y);
  await expect(page.getByRole('tooltip')).toHaveText('AQIM · accepted mention');
  await page.mouse.click(word.x, word.y);
  await expect(reader(page).getByRole('status').filter({ hasText: 'AQIM · accepted mention' })).toHaveCount(1);
  const suggested = await centreOfWords(page, 'MNLA');
  await page.mouse.move(suggested.x, suggested.y);
  await expect(page.getByRole('tooltip')).toHaveText('MNLA? · suggested mention');

  // The actor's page lists each accepted mention in its sentence, and opens the document at it.
  await (await showView(page, 'Actors')).getByRole('link', { name: 'AQIM', exact: true }).click();
  const actorMentions = page.getByRole('main', { name: 'AQIM' }).getByRole('region', { name: `Mentions (${total})` });
  await expect(actorMentions.getByRole('link')).toHaveCount(total);
  const inSentence = actorMentions.getByRole('link').filter({ hasText: 'helped by AQMI and its related Islamic groups' });
  await expect(inSentence).toHaveCount(1);
  await inSentence.click();
  await expect(page).toHaveURL(/#\/document\/\d+\/at\/\d+-\d+$/);
  await expect(reader(page).locator('article').getByRole('paragraph').filter({ hasText: 'helped by AQMI and its related' })).toBeInViewport();
});
