import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from './fixtures';
import {
  addActor,
  exportFrom,
  highlightOpening,
  newNote,
  noteBody,
  noteView,
  openBundledArticle,
  paragraphStarting,
  tagCard,
  waitForSaved,
  showView,
} from './user-actions';

test('a note exported as Markdown through the Export menu holds what was written', async ({ page }) => {
  await newNote(page, 'Sanctuary conditions');
  await page.keyboard.type('# Three conditions\n');
  await page.keyboard.type('Protection comes **first**.\n');
  await page.keyboard.type('- protection\nterrain\nmeeting place\n');
  await waitForSaved(page);

  const { name, bytes } = await exportFrom(page, noteView(page), 'Export', 'Note as Markdown');
  expect(name).toBe('Sanctuary conditions.md');
  const markdown = bytes.toString('utf8');
  expect(markdown).toContain('# Three conditions');
  expect(markdown).toContain('Protection comes **first**.');
  expect(markdown).toMatch(/- protection\n- terrain\n- meeting place/);
});

test('the Obsidian vault exported from the library resolves every wikilink to a file in it', async ({ page }) => {
  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await openBundledArticle(page);
  const passage = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await tagCard(page, passage, 'AQIM');

  await newNote(page, 'Reading notes');
  await page.keyboard.type('Linked to [[Logistics');
  await page.getByRole('listbox', { name: 'Link to note' }).getByRole('option', { name: 'Create note “Logistics”' }).click();
  await page.keyboard.type(' and @AQ');
  await page.getByRole('listbox', { name: 'Mention actor' }).getByRole('option').first().click();
  await expect(noteBody(page).getByRole('link', { name: '@AQIM' })).toBeVisible();
  await waitForSaved(page);

  await showView(page, 'Library');
  const { name, bytes } = await exportFrom(page, page.getByRole('navigation', { name: 'Library' }), 'Export library', 'Obsidian vault (.zip)');
  expect(name).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(bytes));
  const paths = Object.keys(files).filter((path) => path.endsWith('.md'));
  const baseNames = new Set(paths.map((path) => path.split('/').pop()!.replace(/\.md$/, '')));
  expect([...baseNames]).toEqual(expect.arrayContaining(['Reading notes', 'Logistics', 'AQIM', 'Al-Quaeda and state sanctuary in the Islamic Maghreb']));

  const links: string[] = [];
  for (const path of paths) {
    for (const match of strFromU8(files[path]!).matchAll(/\[\[([^\]|#^]+)/g)) links.push(match[1]!.trim());
  }
  expect(links.length).toBeGreaterThanOrEqual(4);
  expect(links.filter((link) => !baseNames.has(link.split('/').pop()!))).toEqual([]);
});

test('a library archive restores through the library menu, adding nothing that is already there', async ({ page }, testInfo) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  const archive = await exportFrom(page, library, 'Export library', 'Library archive (JSON)');
  const file = testInfo.outputPath(archive.name);
  fs.writeFileSync(file, archive.bytes);

  await library.getByRole('button', { name: 'Export library', exact: true }).click();
  const chooserOpened = page.waitForEvent('filechooser');
  await page.getByRole('menu', { name: 'Export library' }).getByRole('menuitem', { name: 'Restore from archive…' }).click();
  await (await chooserOpened).setFiles(file);
  await expect(library.getByRole('status').filter({ hasText: `Restored ${archive.name}: nothing new to add.` })).toBeVisible();
  await expect(library.getByRole('listitem').getByRole('button')).toHaveCount(1);
});
