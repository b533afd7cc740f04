import type { Locator, Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import { addActor, BUNDLED_TITLE, highlightsPanel, openBundledArticle, openCard, paragraphStarting, reader, showView } from './user-actions';

const cards = (page: Page) => highlightsPanel(page).locator('.highlight-list').getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Go to highlight:/ }) });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Selection' });
const registry = (page: Page) => page.getByRole('tabpanel', { name: 'Actors' });
const actorLink = (page: Page, name: string) => registry(page).getByRole('link', { name, exact: true });
const cardStartingWith = (page: Page, words: string) => cards(page).filter({ has: page.getByRole('button', { name: `Go to highlight: “${words}`, exact: false }) });

/** Puts the caret at the start of a paragraph and selects its first words with Shift+Right, as a keyboard user would. */
async function selectOpening(page: Page, target: Locator, characters: number): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('The paragraph is not on screen.');
  await page.mouse.click(box.x + 1, box.y + 12);
  for (let step = 0; step < characters; step++) await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar(page)).toBeVisible();
}

test('actors are registered, tagged on passages, found in the text, merged and deleted', async ({ page }, testInfo) => {
  // The longest walk through the app in the suite: bounded for a busy 2-CPU machine.
  test.setTimeout(90_000);
  await openBundledArticle(page);
  await expect(await showView(page, 'Actors')).toBeVisible();

  await addActor(page, 'AQIM', 'Group', 'Al-Qaeda in the Islamic Maghreb\nAQMI');
  await addActor(page, 'MNLA', 'Group', 'Mouvement National de Libération de l’Azawad');
  await expect(actorLink(page, 'AQIM')).toHaveAccessibleDescription('Group · No tags');

  // The core's own words for a clash, shown next to the form.
  await registry(page).getByRole('button', { name: 'New actor' }).click();
  const form = registry(page).getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name').fill('AQIM');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(form.getByRole('alert')).toHaveText('There is already an actor named “AQIM”.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();

  // Tagged from the selection toolbar: an alias finds AQIM, Enter highlights and tags in one go.
  await selectOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'), 30);
  const toolbarActor = toolbar(page).getByRole('combobox', { name: 'Actor' });
  await toolbarActor.click();
  await toolbarActor.pressSequentially('aqmi');
  await expect(toolbarActor).toHaveAttribute('aria-expanded', 'true');
  await expect(toolbar(page).getByRole('option', { name: /^AQIM/ })).toHaveAttribute('aria-selected', 'true');
  await attachScreenshot(page, testInfo, 'toolbar-combobox-light');
  await toolbarActor.press('Enter');
  await expect(toolbar(page)).toBeHidden();
  const firstly = cardStartingWith(page, 'Firstly an Al-Qaeda');
  await expect(firstly.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['AQIM']);

  // Tagged from the card: highlight first, then the card's Actor combobox, by name and by an accented alias typed plain.
  await selectOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'), 34);
  await toolbar(page).getByRole('button', { name: 'Highlight' }).click();
  const secondly = await openCard(cardStartingWith(page, 'Secondly, the sanctuary'));
  const cardActor = secondly.getByRole('combobox', { name: 'Actor' });
  // Enter on part of a name picks the best match.
  await cardActor.fill('aqi');
  await cardActor.press('Enter');
  await cardActor.fill('liberation de l');
  await expect(secondly.getByRole('option', { name: /^MNLA/ })).toBeVisible();
  // The arrows move through the options; the last one offers to create the words typed.
  await cardActor.press('ArrowDown');
  await expect(secondly.getByRole('option', { name: 'Create “liberation de l” as…' })).toHaveAttribute('aria-selected', 'true');
  await cardActor.press('ArrowUp');
  await cardActor.press('Enter');
  await expect(secondly.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['AQIM', 'MNLA']);
  await expect(actorLink(page, 'AQIM')).toHaveAccessibleDescription('Group · 2 tags');

  // Removing a tag and putting it back.
  await secondly.getByRole('button', { name: 'Remove tag MNLA' }).click();
  await expect(secondly.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['AQIM']);
  await expect(cardActor).toBeFocused();
  await cardActor.fill('MNL');
  await cardActor.press('Enter');
  await expect(secondly.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['AQIM', 'MNLA']);

  // The panel narrows to one actor's passages.
  const filter = highlightsPanel(page).getByRole('combobox', { name: 'Filter by actor' });
  await filter.selectOption({ label: 'MNLA (1)' });
  await expect(cards(page)).toHaveCount(1);
  await expect(secondly).toBeVisible();
  await filter.selectOption({ label: 'All actors' });
  await expect(cards(page)).toHaveCount(2);
  await attachScreenshot(page, testInfo, 'cards-and-registry-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'cards-and-registry-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // AQIM's page: both passages, and MNLA as appearing with it once.
  await actorLink(page, 'AQIM').click();
  const actorPage = page.getByRole('main', { name: 'AQIM' });
  await expect(actorPage.getByRole('heading', { level: 1, name: 'AQIM' })).toBeVisible();
  await expect(actorPage.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText(['Al-Qaeda in the Islamic Maghreb', 'AQMI']);
  const passages = actorPage.getByRole('region', { name: /^Passages/ });
  await expect(passages.getByRole('link')).toHaveCount(2);
  await expect(passages.getByRole('link').nth(0)).toHaveText(/^“Firstly an Al-Qaeda/);
  await expect(passages.getByRole('link').nth(1)).toHaveText(/^“Secondly, the sanctuary/);
  await expect(passages.getByRole('heading', { name: BUNDLED_TITLE })).toBeVisible();
  const appearsWith = actorPage.getByRole('region', { name: 'Appears with' });
  await expect(appearsWith.getByRole('listitem')).toHaveText(['MNLA — 1 passage']);
  await expect(actorPage.getByRole('region', { name: 'Notes that mention AQIM' })).toContainText('No notes mention AQIM yet.');
  await attachScreenshot(page, testInfo, 'actor-page-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'actor-page-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Delete asks first, and says what goes with it.
  await actorPage.getByRole('button', { name: 'Delete actor…' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete AQIM?' });
  await expect(deleteDialog).toContainText('Its 2 tags on passages will be removed.');
  await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleteDialog).toBeHidden();

  // A passage opens the document scrolled to it.
  await passages.getByRole('link').nth(1).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  await expect(paragraphStarting(page, 'Secondly, the sanctuary')).toBeInViewport();
  await expect(page).toHaveURL(/#\/document\/\d+\/highlight\/\d+$/);

  // Mentions: AQMI is found in the paragraph that begins "A sanctuary", and can be accepted as AQIM.
  const toggle = reader(page).getByRole('button', { name: 'Show mentions' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const mentions = highlightsPanel(page).getByRole('region', { name: /^Mentions/ });
  const aqimMentions = mentions.getByRole('region', { name: 'AQIM' });
  await aqimMentions.getByText('Review each mention').click();
  const aqmi = aqimMentions.getByRole('listitem').filter({ hasText: /by AQMI and its related/ });
  await expect(aqmi).toHaveCount(1);
  await expect(aqimMentions.getByRole('button', { name: /^Accept all \d+ mentions of AQIM$/ })).toBeVisible();
  await expect(mentions.getByRole('region', { name: 'MNLA' })).toBeVisible();
  await attachScreenshot(page, testInfo, 'mentions-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'mentions-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await aqmi.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(aqmi).toContainText('Accepted');
  // One mention accepted is said as one, and it is a mention, not a highlight: no card is added.
  await expect(mentions.getByRole('status')).toHaveText('Accepted 1 mention of AQIM.');
  await expect(cards(page)).toHaveCount(2);

  // A duplicate spelt differently is merged into AQIM; its name, the same up to case, is not kept as an alias.
  await addActor(page, 'Aqim', 'Other');
  await actorLink(page, 'AQIM').click();
  await page.getByRole('main', { name: 'AQIM' }).getByRole('button', { name: 'Merge another actor into this one…' }).click();
  const mergeDialog = page.getByRole('dialog', { name: 'Merge another actor into AQIM' });
  const toMerge = mergeDialog.getByRole('combobox', { name: 'Actor to merge' });
  await expect(toMerge).toBeFocused();
  await toMerge.fill('aqim');
  await expect(mergeDialog.getByRole('option')).toHaveText([/^Aqim/]);
  await toMerge.press('Enter');
  await expect(mergeDialog).toContainText('“Aqim” is AQIM spelt differently, so it is not kept as an alias.');
  await mergeDialog.getByRole('button', { name: 'Merge Aqim into AQIM' }).click();
  await expect(mergeDialog).toBeHidden();
  await expect(registry(page).getByRole('link', { name: /^aqim$/i })).toHaveCount(1);
  await expect(page.getByRole('main', { name: 'AQIM' }).getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([
    'Al-Qaeda in the Islamic Maghreb',
    'AQMI',
  ]);

  // Deleting MNLA takes its one tag with it.
  await actorLink(page, 'MNLA').click();
  await page.getByRole('main', { name: 'MNLA' }).getByRole('button', { name: 'Delete actor…' }).click();
  const deleteMnla = page.getByRole('dialog', { name: 'Delete MNLA?' });
  await expect(deleteMnla).toContainText('Its 1 tag on a passage will be removed.');
  await deleteMnla.getByRole('button', { name: 'Delete MNLA' }).click();
  await expect(actorLink(page, 'MNLA')).toHaveCount(0);
  await expect(registry(page).getByRole('status')).toHaveText('Deleted MNLA and its 1 tag.');
  await expect(actorLink(page, 'AQIM')).toHaveAccessibleDescription('Group · 2 tags');
});

test('a name nobody has yet is created from the card’s combobox, as the kind chosen, and tagged at once', async ({ page }) => {
  await openBundledArticle(page);
  await selectOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'), 20);
  await toolbar(page).getByRole('button', { name: 'Highlight' }).click();
  const card = await openCard(cards(page).first());
  const field = card.getByRole('combobox', { name: 'Actor' });
  await field.fill('Ansar Dine');
  await expect(card.getByRole('option', { name: 'Create “Ansar Dine” as…' })).toHaveAttribute('aria-selected', 'true');
  // Enter on a new name asks what it is: a typo never becomes an actor by itself.
  await field.press('Enter');
  const kinds = card.getByRole('group', { name: 'Kind of “Ansar Dine”' });
  await expect(kinds.getByRole('button', { name: 'Group' })).toBeFocused();
  await expect(actorLink(page, 'Ansar Dine')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(card.getByRole('list', { name: 'Actors' }).getByRole('listitem')).toHaveText(['Ansar Dine']);
  await expect(kinds).toBeHidden();
  await showView(page, 'Actors');
  await expect(actorLink(page, 'Ansar Dine')).toHaveAccessibleDescription('Group · 1 tag');

  // Escape closes the list, then clears the field.
  await field.fill('ans');
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await field.press('Escape');
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  await expect(field).toHaveValue('ans');
  await field.press('Escape');
  await expect(field).toHaveValue('');
});
