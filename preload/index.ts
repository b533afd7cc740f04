import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LibraryChange } from '../main/common/changes';
import type { FieldbookApi } from '../main/common/contract';
import type { ImportOutcome } from '../main/common/records';

// The renderer gets these functions and nothing else of Electron or Node.
const api: FieldbookApi = {
  call: (name, input) => ipcRenderer.invoke('fieldbook:op', name, input),
  onMenuImport: (listener) => {
    const handler = (_event: IpcRendererEvent, outcomes: ImportOutcome[]) => listener(outcomes);
    ipcRenderer.on('fieldbook:menu-import', handler);
    return () => ipcRenderer.removeListener('fieldbook:menu-import', handler);
  },
  // The shell sends every change to every window from the moment the library opens: there is no
  // gap to make up for, so `connected` is never needed here.
  onChange: (listener) => {
    const handler = (_event: IpcRendererEvent, change: LibraryChange) => listener(change);
    ipcRenderer.on('fieldbook:change', handler);
    return () => ipcRenderer.removeListener('fieldbook:change', handler);
  },
};

contextBridge.exposeInMainWorld('fieldbook', api);
