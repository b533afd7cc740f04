import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { FieldbookApi } from '../main/common/contract';
import type { ImportOutcome } from '../main/common/records';

// The renderer gets these two functions and nothing else of Electron or Node.
const api: FieldbookApi = {
  call: (name, input) => ipcRenderer.invoke('fieldbook:op', name, input),
  onMenuImport: (listener) => {
    const handler = (_event: IpcRendererEvent, outcomes: ImportOutcome[]) => listener(outcomes);
    ipcRenderer.on('fieldbook:menu-import', handler);
    return () => ipcRenderer.removeListener('fieldbook:menu-import', handler);
  },
};

contextBridge.exposeInMainWorld('fieldbook', api);
