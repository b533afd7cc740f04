import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { expectNoSeriousViolations } from './axe';
import { expect, REPO_ROOT, test } from './fixtures';
import {
  addActor,
  exportFrom,
  highlightOpening,
  importFiles,
  newNote,
  noteBody,
  noteView,
  openBundledArticle,
  paragraphStarting,
  reader,
  tagCard,
  waitForSaved,
  showView,
} from './user-actions';

const TRACEMONKEY_PDF = resolve(REPO_ROOT, '../shared/testdata/documents/tracemonkey.pdf');
const TRACEMONKEY = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const run = promisify(execFile);
/** The command line on a library of its own: another machine's Fieldbook, as far as this app can tell. */
const fieldbook = (libraryDir: string, ...args: string[]) => run(process.execPath, [resolve(REPO_ROOT, 'main/cli/fieldbook.mjs'), '--library', libraryDir, ...args]);

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

test('the Obsidian vault exported from the library resolves every wikilink to a file in it, its PDFs included', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, TRACEMONKEY_PDF);
  await expect(reader(page).getByRole('heading', { level: 1, name: TRACEMONKEY, exact: true })).toBeVisible({ timeout: 60_000 });
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

  // The PDF as it was imported, which its document's note embeds by its whole name.
  const pdfPath = Object.keys(files).find((path) => path.endsWith('/Attachments/tracemonkey.pdf'))!;
  expect(pdfPath).toBeDefined();
  expect(sha256(files[pdfPath]!)).toBe(sha256(fs.readFileSync(TRACEMONKEY_PDF)));
  const paperNote = paths.find((path) => path.endsWith(`/Documents/${TRACEMONKEY}.md`))!;
  expect(strFromU8(files[paperNote]!)).toContain('![[tracemonkey.pdf]]');
  baseNames.add('tracemonkey.pdf');

  const links: string[] = [];
  for (const path of paths) {
    for (const match of strFromU8(files[path]!).matchAll(/\[\[([^\]|#^]+)/g)) links.push(match[1]!.trim());
  }
  expect(links.length).toBeGreaterThanOrEqual(5);
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

test('a library archive can name its PDFs without carrying them, for a person who keeps the files elsewhere', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await importFiles(page, TRACEMONKEY_PDF);
  await expect(reader(page).getByRole('heading', { level: 1, name: TRACEMONKEY, exact: true })).toBeVisible({ timeout: 60_000 });
  await showView(page, 'Library');
  const library = page.getByRole('navigation', { name: 'Library' });
  // The setting is an item of the menu, checked or not, and leaves the menu open.
  await library.getByRole('button', { name: 'Export library', exact: true }).click();
  const withoutFiles = page.getByRole('menu', { name: 'Export library' }).getByRole('menuitemcheckbox', { name: 'Without PDF and EPUB files (vault, archive)' });
  await expect(withoutFiles).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(withoutFiles).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(withoutFiles).toHaveAttribute('aria-checked', 'true');
  await expect(withoutFiles).toBeFocused();
  await expectNoSeriousViolations(page, testInfo, 'the library’s Export menu with its setting checked');
  await page.keyboard.press('Escape');
  const { bytes } = await exportFrom(page, library, 'Export library', 'Library archive (JSON)');
  const pdf = fs.readFileSync(TRACEMONKEY_PDF);
  const archive = JSON.parse(bytes.toString('utf8')) as { documents: Array<{ fileName: string | null; file: Record<string, unknown> | null }> };
  const paper = archive.documents.find((document) => document.fileName === 'tracemonkey.pdf')!;
  expect(paper.file).toMatchObject({ byteSize: pdf.byteLength, sha256: sha256(pdf) });
  expect(paper.file).not.toHaveProperty('base64');
  expect(bytes.byteLength).toBeLessThan(pdf.byteLength / 2);
});

test('restoring an archive that names a PDF it does not carry asks for the file, knows it by its bytes, and shows its pages', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The archive comes from another library, through the command line: this one has never held the PDF.
  const elsewhere = testInfo.outputPath('elsewhere');
  const archiveFile = testInfo.outputPath('field-archive.json');
  await fieldbook(elsewhere, 'import', TRACEMONKEY_PDF);
  await fieldbook(elsewhere, 'export', '--format', 'json', '--originals', 'refer', '--out', archiveFile);
  // The person kept the PDF under a name of their own.
  const keptCopy = testInfo.outputPath('TraceMonkey paper (2009).pdf');
  fs.copyFileSync(TRACEMONKEY_PDF, keptCopy);

  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: 'Export library', exact: true }).click();
  const archiveChooser = page.waitForEvent('filechooser');
  await page.getByRole('menu', { name: 'Export library' }).getByRole('menuitem', { name: 'Restore from archive…' }).click();
  await (await archiveChooser).setFiles(archiveFile);
  const status = library.getByRole('status').filter({ hasText: 'field-archive.json' });
  await expect(status).toContainText('Nothing was restored yet: field-archive.json names a file it does not carry: “tracemonkey.pdf” (PDF, 992 KB). Choose it to restore the archive.');
  await expect(library.getByRole('button', { name: TRACEMONKEY })).toHaveCount(0);
  // What comes next has the focus.
  await expect(library.getByRole('button', { name: 'Choose the file…' })).toBeFocused();

  // Another PDF is not the one: the archive still asks.
  let fileChooser = page.waitForEvent('filechooser');
  await library.getByRole('button', { name: 'Choose the file…' }).click();
  await (await fileChooser).setFiles(resolve(REPO_ROOT, '../shared/testdata/documents/issue11656.pdf'));
  await expect(status).toContainText('Nothing was restored yet: the files chosen did not include “tracemonkey.pdf” (PDF, 992 KB). Choose it to restore field-archive.json.');

  fileChooser = page.waitForEvent('filechooser');
  await library.getByRole('button', { name: 'Choose the file…' }).click();
  await (await fileChooser).setFiles(keptCopy);
  await expect(status).toHaveText('Restored field-archive.json: added 1 document.');
  await library.getByRole('button', { name: TRACEMONKEY }).click();
  const pageNumber = reader(page).getByRole('textbox', { name: 'Page', exact: true });
  await expect(pageNumber).toHaveAccessibleDescription('of 14', { timeout: 30_000 });
  await expect(reader(page).getByRole('region', { name: `Pages of ${TRACEMONKEY}`, exact: true })).toContainText('Trace-based Just-in-Time');
});

