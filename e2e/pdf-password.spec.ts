import path from 'node:path';
import type { Page } from '@playwright/test';
import { attachScreenshot, expect, REPO_ROOT, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { importFiles, reader } from './user-actions';

/** The encrypted PDF of ../shared/testdata/documents/, never copied here; its password is "openpassword". */
const ENCRYPTED = path.resolve(REPO_ROOT, '../shared/testdata/documents/libreoffice-writer-password.pdf');
const FILE_NAME = 'libreoffice-writer-password.pdf';
const TITLE = 'libreoffice writer password';
const TRACEMONKEY = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

const libraryPane = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const passwordField = (page: Page) => libraryPane(page).getByLabel(`Password for ${FILE_NAME}`, { exact: true });

test('an encrypted PDF asks for its password when imported, says a wrong one is wrong, and opens with the right one', async ({ page }, testInfo) => {
  // pdf.js reads the file once for each attempt: bounded for a busy machine.
  test.setTimeout(120_000);
  await importFiles(page, ENCRYPTED);

  const library = libraryPane(page);
  const password = passwordField(page);
  // The field takes focus as it appears, so the password can be typed at once; what is typed is hidden.
  await expect(password).toBeFocused({ timeout: 60_000 });
  await expect(password).toHaveAttribute('type', 'password');
  await expect(library.getByRole('button', { name: TITLE })).toHaveCount(0);

  await password.pressSequentially('not the password');
  await library.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(library.getByRole('alert').filter({ hasText: 'That password is wrong.' })).toBeVisible({ timeout: 60_000 });
  await expect(password).toHaveAccessibleDescription('That password is wrong.');
  // Emptied, with the caret back in it, for the next try.
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');
  await expectNoSeriousViolations(page, testInfo, 'the import report asking for a PDF’s password');
  await attachScreenshot(page, testInfo, 'pdf-password-wrong');

  await page.keyboard.type('openpassword');
  await page.keyboard.press('Enter');
  await expect(library.getByRole('button', { name: TITLE, exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(library.getByRole('status').filter({ hasText: `Imported “${TITLE}”.` })).toBeVisible();
  await expect(password).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1, name: TITLE, exact: true })).toBeVisible({ timeout: 60_000 });
  // The password went in a call's body, never into the address.
  expect(page.url()).not.toContain('openpassword');
});

test('an encrypted PDF whose password is not given stays refused, naming the file', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, ENCRYPTED);
  const library = libraryPane(page);
  await expect(passwordField(page)).toBeFocused({ timeout: 60_000 });

  await page.keyboard.press('Escape');
  await expect(passwordField(page)).toBeHidden();
  await expect(library.getByRole('alert').filter({ hasText: `${FILE_NAME} was not imported: it is encrypted and needs its password.` })).toBeVisible();
  await expect(library.getByRole('button', { name: 'Import', exact: true })).toBeFocused();
  await expect(library.getByRole('button', { name: TITLE })).toHaveCount(0);
});

test('an encrypted newer version of a PDF asks for its password before it replaces the PDF', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, path.resolve(REPO_ROOT, '../shared/testdata/documents/tracemonkey.pdf'));
  await expect(reader(page).getByRole('heading', { level: 1, name: TRACEMONKEY, exact: true })).toBeVisible({ timeout: 60_000 });

  const chooserOpened = page.waitForEvent('filechooser');
  await reader(page).getByRole('button', { name: 'Replace with newer version…' }).click();
  await (await chooserOpened).setFiles(ENCRYPTED);
  const password = reader(page).getByLabel(`Password for ${FILE_NAME}`, { exact: true });
  await expect(password).toBeFocused({ timeout: 60_000 });
  await expect(reader(page).getByText(`“${FILE_NAME}” is encrypted: give its password to replace this document with it.`)).toBeVisible();

  await password.pressSequentially('not the password');
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('alert').filter({ hasText: 'That password is wrong.' })).toBeVisible({ timeout: 60_000 });
  await expect(password).toHaveValue('');
  await expect(reader(page).getByRole('heading', { level: 1, name: TRACEMONKEY, exact: true })).toBeVisible();

  await page.keyboard.type('openpassword');
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('status').filter({ hasText: `Replaced with ${FILE_NAME}.` })).toHaveText(`Replaced with ${FILE_NAME}. It had no highlights.`, {
    timeout: 60_000,
  });
  await expect(password).toBeHidden();
  // The form and its focus are gone: focus is back on the button that started it.
  await expect(reader(page).getByRole('button', { name: 'Replace with newer version…' })).toBeFocused();
  await expect(reader(page).getByRole('heading', { level: 1, name: TITLE, exact: true })).toBeVisible();
});
