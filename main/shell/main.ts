import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { MAX_IMPORT_BYTES, oversizeReason } from '../common/import-limits';
import { isCallId } from '../common/progress';
import type { MenuImport } from '../common/contract';
import type { ImportOutcome } from '../common/records';
import { defaultBackupFolder, restoreBackup } from '../core/backup/backup-library';
import { FieldbookError } from '../core/errors';
import { resolveLibraryFile } from '../core/library-location';
import type { CoreService } from '../service/core-service';
import { TrackedCalls } from '../service/tracked-calls';
import { startWorkerCore } from '../service/worker-core';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { installAppMenu } from './menu';
import { CORE_WORKER_FILE } from './core-worker-file';
import { findElectronNativeBinding } from './native-binding';
import { APP_ENTRY_URL, isAppRequest, isExternalWebLink, isTrustedSender, secureWebPreferences } from './security-policy';

// out/main/main.js → the package root holds out/, resources/ and node_modules/.
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OP_CHANNEL = 'fieldbook:op';
const MENU_IMPORT_CHANNEL = 'fieldbook:menu-import';
const CHANGE_CHANNEL = 'fieldbook:change';
const PROGRESS_CHANNEL = 'fieldbook:progress';
const CANCEL_CHANNEL = 'fieldbook:cancel';

app.setName('Fieldbook');
app.enableSandbox();
registerAppScheme();

let core: CoreService | undefined;
let mainWindow: BrowserWindow | undefined;

function libraryFlag(): string | undefined {
  const index = process.argv.indexOf('--library');
  return index >= 0 ? process.argv[index + 1] : undefined;
}

let chosenLibraryFile: string | undefined;

/**
 * The library runs in worker threads of this process (main/service/worker-core.ts), so a long
 * import or search never freezes a window; the worker is built as its own file beside this one.
 */
function openTheLibrary(): Promise<CoreService> {
  return startWorkerCore({
    libraryFile: chosenLibraryFile ?? resolveLibraryFile(libraryFlag()),
    resourcesDir: path.join(appRoot, 'resources'),
    nativeBinding: findElectronNativeBinding(appRoot, process.versions.electron),
    user: 'desktop-app',
    workerEntry: path.join(appRoot, 'out', 'main', CORE_WORKER_FILE),
    backupOnStart: true,
    // A failed backup must not keep the user from their library; say so and go on.
    onBackupError: (message) => dialog.showErrorBox('Fieldbook could not back up the library', message),
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppRequest(details.url) }));
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (url !== APP_ENTRY_URL) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void confirmOpenExternal(url);
    return { action: 'deny' };
  });
});

async function confirmOpenExternal(url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nThis leaves Fieldbook and uses the network.`,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 1) await shell.openExternal(url);
}

const trackedCalls = new TrackedCalls();

function registerOperations(): void {
  ipcMain.handle(OP_CHANNEL, async (event, name: unknown, input: unknown, callId: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'refused', message: 'This page may not use Fieldbook’s library.' } };
    }
    if (!core) return { ok: false, error: { code: 'library_unavailable', message: 'No library is open.' } };
    if (!isCallId(callId)) return core.call(name, input);
    const sender = event.sender;
    const owner = String(sender.id);
    const signal = trackedCalls.start(owner, callId);
    // A window closed mid-import stops it at the next file, as a browser tab going away does.
    const stopWhenGone = () => trackedCalls.cancelAllOf(owner);
    sender.once('destroyed', stopWhenGone);
    try {
      return await core.call(name, input, {
        signal,
        onProgress: (progress) => {
          if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, callId, progress);
        },
      });
    } finally {
      trackedCalls.finish(owner, callId, signal);
      if (!sender.isDestroyed()) sender.off('destroyed', stopWhenGone);
    }
  });
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame) || !isCallId(callId)) return;
    trackedCalls.cancel(String(event.sender.id), callId);
  });
}

async function importFromMenu(): Promise<void> {
  if (!mainWindow || !core) return;
  const { canceled, filePaths } = await dialog.showOpenDialog(mainWindow, {
    title: 'Import into Fieldbook',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Documents', extensions: ['pdf', 'epub', 'html', 'htm', 'xhtml', 'md', 'markdown', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (canceled || filePaths.length === 0) return;
  const menuImport: MenuImport = { outcomes: [], locked: [] };
  for (const file of filePaths) {
    const { outcome, base64 } = await importOneFromDisk(core, file);
    // An encrypted PDF goes to the window with its bytes, which asks for the password and sends them again.
    if (outcome.status === 'refused' && outcome.password && base64) menuImport.locked.push({ outcome: menuImport.outcomes.length, name: outcome.fileName, base64 });
    menuImport.outcomes.push(outcome);
  }
  mainWindow.webContents.send(MENU_IMPORT_CHANNEL, menuImport);
}

/** One file at a time, so a file that vanished or is too large is named and the others still import. */
async function importOneFromDisk(open: CoreService, file: string): Promise<{ outcome: ImportOutcome; base64?: string }> {
  const fileName = path.basename(file);
  let base64: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_IMPORT_BYTES) return { outcome: { fileName, status: 'refused', message: `${fileName} was not imported: ${oversizeReason(size)}.` } };
    base64 = fs.readFileSync(file).toString('base64');
  } catch {
    return { outcome: { fileName, status: 'refused', message: `${fileName} was not imported: the file could not be read.` } };
  }
  const result = await open.call('documents.import', { files: [{ name: fileName, base64 }] });
  if (!result.ok) return { outcome: { fileName, status: 'refused', message: `${fileName} was not imported: ${result.error.message}` } };
  return { outcome: (result.value as ImportOutcome[])[0]!, base64 };
}

async function backUpNowFromMenu(): Promise<void> {
  if (!mainWindow || !core) return;
  const result = await core.call('backup.now', {});
  await dialog.showMessageBox(mainWindow, {
    type: result.ok ? 'info' : 'error',
    message: result.ok ? 'The library was backed up.' : 'The library could not be backed up.',
    detail: result.ok ? (result.value as { file: string }).file : result.error.message,
  });
}

/** Asks first; the current library is kept aside (restoreBackup moves it), never overwritten. */
async function restoreBackupFromMenu(): Promise<void> {
  if (!mainWindow || !core) return;
  const { canceled, filePaths } = await dialog.showOpenDialog(mainWindow, {
    title: 'Restore a backup',
    defaultPath: defaultBackupFolder(core.libraryFile),
    properties: ['openFile'],
    filters: [{ name: 'Fieldbook backups', extensions: ['sqlite'] }],
  });
  const chosen = filePaths[0];
  if (canceled || !chosen) return;
  const { response } = await dialog.showMessageBox(mainWindow, {
    type: 'warning',
    buttons: ['Cancel', 'Restore'],
    defaultId: 0,
    cancelId: 0,
    message: `Replace the library with the backup ${path.basename(chosen)}?`,
    detail: 'The current library is kept aside in its folder, so nothing is lost.',
  });
  if (response !== 1 || !core) return;
  const file = core.libraryFile;
  await closeTheLibrary();
  try {
    restoreBackup(file, chosen, 'desktop-app');
  } catch (error) {
    dialog.showErrorBox('The backup was not restored', error instanceof Error ? error.message : String(error));
  }
  if (!(await useLibrary(await openWithRecovery()))) {
    app.exit(1);
    return;
  }
  for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Fieldbook',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(path.join(appRoot, 'out', 'preload', 'index.cjs')),
  });
  // Dialogs and menu imports belong to the window in use.
  mainWindow = window;
  window.on('focus', () => (mainWindow = window));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = BrowserWindow.getAllWindows().find((other) => other !== window);
  });
  void window.loadURL(APP_ENTRY_URL);
}

/**
 * A library that can't be opened (damaged, from a newer Fieldbook, unreadable) is never touched;
 * the person chooses another library, restores a backup into its place (the damaged file is kept
 * aside), or quits. Until one of those works, no window opens on a half-usable library.
 */
async function openWithRecovery(): Promise<CoreService | undefined> {
  for (;;) {
    try {
      return await openTheLibrary();
    } catch (error) {
      const file = chosenLibraryFile ?? resolveLibraryFile(libraryFlag());
      const { response } = await dialog.showMessageBox({
        type: 'error',
        buttons: ['Choose Another Library…', 'Restore a Backup…', 'Quit'],
        defaultId: 0,
        cancelId: 2,
        message: 'Fieldbook could not open its library',
        detail: error instanceof FieldbookError ? error.message : String(error),
      });
      if (response === 0) {
        const chosen = await dialog.showOpenDialog({ title: 'Choose a library folder', properties: ['openDirectory', 'createDirectory'] });
        if (!chosen.canceled && chosen.filePaths[0]) chosenLibraryFile = resolveLibraryFile(chosen.filePaths[0]);
      } else if (response === 1) {
        const chosen = await dialog.showOpenDialog({
          title: 'Restore a backup',
          defaultPath: defaultBackupFolder(file),
          properties: ['openFile'],
          filters: [{ name: 'Fieldbook backups', extensions: ['sqlite'] }],
        });
        const backup = chosen.filePaths[0];
        if (!chosen.canceled && backup) {
          try {
            restoreBackup(file, backup, 'desktop-app');
          } catch (restoreError) {
            dialog.showErrorBox('The backup was not restored', restoreError instanceof Error ? restoreError.message : String(restoreError));
          }
        }
      } else {
        return undefined;
      }
    }
  }
}

app.whenReady().then(async () => {
  if (!(await useLibrary(await openWithRecovery()))) {
    app.exit(1);
    return;
  }
  hardenSession();
  serveRenderer(path.join(appRoot, 'out', 'renderer'));
  registerOperations();
  installAppMenu({
    newWindow: createWindow,
    importFiles: () => void importFromMenu(),
    backUpNow: () => void backUpNowFromMenu(),
    restoreBackup: () => void restoreBackupFromMenu(),
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!core) return;
  // The library's threads close it (folding in its write-ahead log) before the process ends.
  event.preventDefault();
  void closeTheLibrary().finally(() => app.quit());
});

/** Every window hears of every change, whichever window (or the command line) made it. */
async function useLibrary(opened: CoreService | undefined): Promise<boolean> {
  await closeTheLibrary();
  if (!opened) return false;
  core = opened;
  core.onChange((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANGE_CHANNEL, change);
  });
  return true;
}

async function closeTheLibrary(): Promise<void> {
  const closing = core;
  core = undefined;
  await closing?.close();
}
