import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, REPO_ROOT, test } from './fixtures';
import { addActor, highlightOpening, highlightsPanel, newNote, openBundledArticle, paragraphStarting, reader, showView } from './user-actions';

/*
 * One library, several places changing it: whatever one window (or the command line) commits
 * shows in every other open window without a reload.
 */

const run = promisify(execFile);

test('a highlight, a note and an actor made in one window show in another without a reload', async ({ app }) => {
  // Two windows of the app on a busy 2-CPU machine.
  test.setTimeout(60_000);
  const first = app.page;
  const second = await app.openAnotherWindow();
  await openBundledArticle(first);
  await openBundledArticle(second);
  await expect(highlightsPanel(second).getByText('No highlights yet', { exact: false })).toBeVisible();

  const passage = await highlightOpening(first, paragraphStarting(first, 'Firstly an Al-Qaeda sanctuary'));
  await expect(highlightsPanel(second).getByRole('listitem').filter({ hasText: passage })).toBeVisible();

  await addActor(first, 'Abu Musab Abdel Wadoud', 'Person', 'Droukdel');
  await expect((await showView(second, 'Actors')).getByRole('link', { name: 'Abu Musab Abdel Wadoud', exact: true })).toBeVisible();

  await newNote(first, 'Sanctuary and the state');
  await expect((await showView(second, 'Notes')).getByRole('button', { name: 'Sanctuary and the state' })).toBeVisible();
  // The second window kept its place: it is still reading the article.
  await expect(reader(second).getByRole('article')).toBeVisible();
});

test('a document imported from the command line while the app is open appears in its library', async ({ app }) => {
  const page = app.page;
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: 'Al-Quaeda and state sanctuary in the Islamic Maghreb' })).toBeVisible();

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-import-'));
  try {
    const file = path.join(folder, 'gao-field-report.md');
    fs.writeFileSync(file, '# Field report from Gao\n\nThe convoy crossed the river near Gao at dawn; MNLA patrols watched the ford.\n');
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'main/cli/fieldbook.mjs'), '--library', app.libraryDir, 'import', file]);
    expect(stdout).toContain('imported gao-field-report.md');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await expect(library.getByRole('button', { name: 'Field report from Gao' })).toBeVisible();
});
