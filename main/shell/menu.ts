import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
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
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: actions.importFiles },
        { type: 'separator' },
        { label: 'Back Up Now', click: actions.backUpNow },
        { label: 'Restore Backup…', click: actions.restoreBackup },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
