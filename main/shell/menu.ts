import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow: () => void;
  importFiles: () => void;
  backUpNow: () => void;
  restoreBackup: () => void;
}

export function installAppMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // Two windows on one library (a source beside a note) stay in step through the change feed.
        { id: 'new-window', label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newWindow },
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: actions.importFiles },
        { type: 'separator' },
        { label: 'Back Up Now', click: actions.backUpNow },
        { label: 'Restore Backup…', click: actions.restoreBackup },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    // The View menu without its zoom items: Ctrl+= and Ctrl+- size the reader's text (reader/text-size-keys.ts), as in reading apps.
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
