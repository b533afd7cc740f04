import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './fixtures';
import {
  addActor,
  BUNDLED_TITLE,
  highlightOpening,
  highlightsPanel,
  newNote,
  noteBody,
  noteView,
  openBundledArticle,
  openCard,
  paragraphStarting,
  reader,
  showView,
  waitForSaved,
} from './user-actions';

const UNDO_CHORD = process.platform === 'darwin' ? 'Meta+Z' : 'Control+Z';

const notesRegion = (page: Page) => page.getByRole('tabpanel', { name: 'Notes' });
const noteTitle = (page: Page) => noteView(page).getByLabel('Note title');

async function openNote(page: Page, title: string): Promise<void> {
  await showView(page, 'Notes');
  await notesRegion(page).getByRole('button', { name: title, exact: true }).click();
  await expect(noteTitle(page)).toHaveValue(title);
}

test('a note written with Markdown shortcuts, a link, a mention and a quote survives a reload and follows renames', async ({ page }, testInfo) => {
  // Typing, a reload, two renames and axe in light and dark: 30 s is too short on a busy 2-CPU machine.
  test.setTimeout(90_000);
  await addActor(page, 'AQIM', 'Group', 'Al-Qaeda in the Islamic Maghreb');

  // A highlight to quote later; highlightOpening waits for its card.
  await openBundledArticle(page);
  const firstly = paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary');
  const passage = await highlightOpening(page, firstly);
  expect(passage.length).toBeGreaterThan(10);
  const card = highlightsPanel(page).getByRole('listitem').filter({ hasText: passage });

  await newNote(page, 'Sanctuary');
  await page.keyboard.type('# Conditions for sanctuary\n');
  await page.keyboard.type('Three **conditions** matter here.\n');
  await page.keyboard.type('- protection\nsupply\n\n');
  await page.keyboard.type('See [[Logis');
  const notesMenu = page.getByRole('listbox', { name: 'Link to note' });
  await expect(notesMenu.getByRole('option', { name: 'Create note “Logis”' })).toBeVisible();
  await page.keyboard.type('tics');
  await expect(notesMenu.getByRole('option', { name: 'Create note “Logistics”' })).toHaveAttribute('aria-selected', 'true');
  await attachScreenshot(page, testInfo, 'note-link-typeahead');
  await page.keyboard.press('Enter');
  await expect(notesMenu).toBeHidden();
  const body = noteBody(page);
  await expect(body.getByRole('link', { name: 'Logistics' })).toBeVisible();
  await expect(notesRegion(page).getByRole('button', { name: 'Logistics', exact: true })).toBeVisible();

  await page.keyboard.type(' and @AQ');
  const actorsMenu = page.getByRole('listbox', { name: 'Mention actor' });
  await expect(actorsMenu.getByRole('option', { name: /AQIM/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(body.getByRole('link', { name: '@AQIM' })).toBeVisible();
  await page.keyboard.type(' for supplies.');
  await waitForSaved(page);

  // Quote the passage from its card: it goes to the note opened last, and the card says so.
  await openBundledArticle(page);
  await (await openCard(card)).getByRole('button', { name: 'Quote in note' }).click();
  const quotedIn = card.getByText('Quoted in “Sanctuary”.');
  await expect(quotedIn).toBeVisible();
  await quotedIn.getByRole('link', { name: '“Sanctuary”' }).click();
  const quote = body.getByRole('link', { name: `Open passage: “${passage}` });
  await expect(quote).toBeVisible();
  await expect(body.getByText(BUNDLED_TITLE)).toBeVisible();

  await page.reload();
  await expect(noteTitle(page)).toHaveValue('Sanctuary');
  await expect(body.getByRole('heading', { name: 'Conditions for sanctuary' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'conditions' })).toBeVisible();
  await expect(body.getByRole('list').getByRole('listitem')).toHaveText(['protection', 'supply']);
  await expect(body.getByRole('link', { name: 'Logistics' })).toBeVisible();
  await expect(body.getByRole('link', { name: '@AQIM' })).toBeVisible();
  await expect(quote).toBeVisible();
  await attachScreenshot(page, testInfo, 'note-light');

  // The linked note knows who links to it; renaming it renames the link.
  await body.getByRole('link', { name: 'Logistics' }).click();
  await expect(noteTitle(page)).toHaveValue('Logistics');
  const linkedFrom = noteView(page).getByRole('region', { name: 'Linked from' });
  await expect(linkedFrom.getByRole('link', { name: 'Sanctuary' })).toBeVisible();
  // Why it links here: the sentence holding the link, not the note's first line (its heading).
  await expect(linkedFrom.getByRole('listitem')).toContainText('See Logistics and @AQIM for supplies.');
  await noteTitle(page).fill('Supply lines');
  await waitForSaved(page);
  await linkedFrom.getByRole('link', { name: 'Sanctuary' }).click();
  await expect(noteTitle(page)).toHaveValue('Sanctuary');
  await expect(body.getByRole('link', { name: 'Supply lines' })).toBeVisible();
  await expect(body.getByRole('link', { name: 'Logistics' })).toHaveCount(0);

  // The quote leads back to the passage in its article.
  await quote.click();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  await expect(firstly).toBeInViewport();
  await expect((await openCard(card)).getByText('Quoted in:')).toBeVisible();
});

test('text typed before the autosave pause survives the library host being killed mid-typing', async ({ app }) => {
  const page = app.page;
  await newNote(page, 'Field diary');
  await page.keyboard.type('Written before the pause.');
  // The pause is over when the autosave says so.
  await waitForSaved(page);
  await page.keyboard.type(' And this was typed just before the crash');
  await app.stop('kill');
  const restarted = await app.start();

  await openNote(restarted, 'Field diary');
  await expect(noteBody(restarted)).toContainText('Written before the pause.');
});

test('a deleted note comes back with Undo or Ctrl+Z, and links to it show as missing meanwhile', async ({ page }) => {
  // Read first, so deleting a note goes back to the reading rather than to an empty page.
  await openBundledArticle(page);
  await newNote(page, 'Target');
  await page.keyboard.type('Linked to.');
  await waitForSaved(page);
  await newNote(page, 'Source');
  await page.keyboard.type('Points at [[Targ');
  await page.getByRole('listbox', { name: 'Link to note' }).getByRole('option', { name: /^Target/ }).click();
  await waitForSaved(page);

  await openNote(page, 'Target');
  await noteView(page).getByRole('button', { name: 'Delete note' }).click();
  await expect(notesRegion(page).getByRole('button', { name: 'Target', exact: true })).toHaveCount(0);
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted “Target”.' });
  await expect(notice).toBeVisible();
  // The notice is the window's, not the Notes list's: it stays while another list is shown.
  await showView(page, 'Library');
  await expect(notice).toBeVisible();

  await openNote(page, 'Source');
  await expect(noteBody(page).getByText('Missing note: Target')).toBeVisible();
  await expect(noteBody(page)).toContainText('Points at');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(noteTitle(page)).toHaveValue('Target');
  await expect(noteBody(page)).toContainText('Linked to.');

  await noteView(page).getByRole('button', { name: 'Delete note' }).click();
  await expect(notesRegion(page).getByRole('button', { name: 'Target', exact: true })).toHaveCount(0);
  await notesRegion(page).getByRole('button', { name: 'New note' }).focus();
  await page.keyboard.press(UNDO_CHORD);
  await expect(noteTitle(page)).toHaveValue('Target');
  await expect(notesRegion(page).getByRole('button', { name: 'Target', exact: true })).toBeVisible();
});

test('Ctrl+F finds in a note: every match counted, Enter steps on, and each edit is searched again', async ({ page }) => {
  await newNote(page, 'Convoys');
  await page.keyboard.type('The convoy left Gao. Another convoy, then a third Convoy near Kidal.');
  await waitForSaved(page);

  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+F' : 'Control+F');
  const find = noteView(page).getByRole('search', { name: 'Find in note' });
  const input = find.getByRole('searchbox', { name: 'Find in note' });
  await expect(input).toBeFocused();
  await input.fill('convoy');
  await expect(find.getByRole('status')).toHaveText(/1 of 3/);
  await page.keyboard.press('Enter');
  await expect(find.getByRole('status')).toHaveText(/2 of 3/);

  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);
  await expect(noteBody(page)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' The last convoy.');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+F' : 'Control+F');
  await expect(find.getByRole('status')).toHaveText(/of 4/);
});
