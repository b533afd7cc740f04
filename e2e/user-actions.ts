/** What a person does in Fieldbook, step by step, through roles, labels, mouse and keyboard only. */
import type { FileChooser, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const BUNDLED_TITLE = 'Al-Quaeda and state sanctuary in the Islamic Maghreb';

export const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
export const noteView = (page: Page) => page.getByRole('main', { name: 'Note' });
export const noteBody = (page: Page) => noteView(page).getByRole('textbox', { name: 'Note body' });
export const highlightsPanel = (page: Page) => page.getByRole('complementary', { name: 'Highlights' });

/** The sidebar's views, one at a time under its tabs. */
export type SidebarView = 'Library' | 'Notes' | 'Actors' | 'Themes';

/** Shows a sidebar view by its tab, as a person does, and answers its panel. */
export async function showView(page: Page, view: SidebarView): Promise<Locator> {
  const tab = page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: view, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name: view });
}

export async function openBundledArticle(page: Page): Promise<void> {
  await showView(page, 'Library');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: BUNDLED_TITLE }).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: BUNDLED_TITLE })).toBeVisible();
}

export function paragraphStarting(page: Page, opening: string): Locator {
  return reader(page).locator('article').getByRole('paragraph').filter({ hasText: new RegExp(`^\\s*${opening}`) });
}

/** Drags across the opening words of a paragraph and highlights them; returns the words selected. */
export async function highlightOpening(page: Page, paragraph: Locator): Promise<string> {
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('The paragraph is not on screen.');
  const lineHeight = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  const y = box.y + lineHeight / 2;
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, y, { steps: 4 });
  await page.mouse.move(box.x + 280, y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();
  const words = selected.replace(/\s+/g, ' ').trim();
  await expect(highlightsPanel(page).getByRole('listitem').filter({ hasText: words })).toBeVisible();
  return words;
}

export async function addActor(page: Page, name: string, kind: string, aliases = ''): Promise<void> {
  const actors = await showView(page, 'Actors');
  await actors.getByRole('button', { name: 'New actor' }).click();
  const form = actors.getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel('Aliases').fill(aliases);
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(form).toBeHidden();
  // The whole name: an actor already listed under a longer one must not pass for the new one.
  await expect(actors.getByRole('link', { name, exact: true })).toBeVisible();
}

/**
 * Opens a highlight card to reach its controls (colour, delete, actors, comment, notes), through
 * its disclosure button as a person does; a card already open is left open. Answers the card.
 */
export async function openCard(card: Locator): Promise<Locator> {
  const disclosure = card.getByRole('button', { name: 'Edit highlight' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  return card;
}

/** Tags the highlight card showing `passage` with an actor, through the card's Actor combobox. */
export async function tagCard(page: Page, passage: string, actorName: string): Promise<void> {
  const card = await openCard(highlightsPanel(page).getByRole('listitem').filter({ hasText: passage }).first());
  const combobox = card.getByRole('combobox', { name: 'Actor' });
  await combobox.fill(actorName);
  await card.getByRole('option', { name: new RegExp(`^${actorName}\\b`) }).first().click();
  await expect(card.getByRole('button', { name: `Remove tag ${actorName}` })).toBeVisible();
}

/** Paths on disk, or files made in the test. */
type ImportedFiles = Parameters<FileChooser['setFiles']>[0];

/** Imports through the Library's Import button and the system file chooser, as a person would. */
export async function importFiles(page: Page, files: ImportedFiles): Promise<void> {
  await showView(page, 'Library');
  const chooserOpened = page.waitForEvent('filechooser');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = await chooserOpened;
  expect(chooser.isMultiple(), 'the file chooser accepts several files at once').toBe(true);
  // Megabytes of files cross into the page here: bounded for a busy machine, not the default 10 s.
  await chooser.setFiles(files, { timeout: 30_000 });
}

export async function newNote(page: Page, title: string): Promise<void> {
  await (await showView(page, 'Notes')).getByRole('button', { name: 'New note' }).click();
  await expect(noteView(page).getByLabel('Note title')).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(noteBody(page)).toBeFocused();
}

export async function waitForSaved(page: Page): Promise<void> {
  await expect(noteView(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

/** Chooses an item of an Export menu and returns the downloaded file's name and bytes. */
export async function exportFrom(page: Page, scope: Locator, menu: string, item: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  await scope.getByRole('button', { name: menu, exact: true }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click();
  const download = await downloaded;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** Turns on the reader's Mentions: the names of known actors painted in the text and listed for review. */
export async function showMentions(page: Page): Promise<void> {
  const toggle = reader(page).getByRole('button', { name: 'Show mentions' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}
