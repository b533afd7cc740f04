import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LibraryChange } from '../main/common/changes';
import type { FieldbookApi, MenuImport } from '../main/common/contract';
import type { OpProgress } from '../main/common/progress';

// The renderer gets these functions and nothing else of Electron or Node.
const api: FieldbookApi = {
  call: async (name, input, tracking) => {
    if (!tracking) return ipcRenderer.invoke('fieldbook:op', name, input);
    const { callId, onProgress } = tracking;
    const handler = (_event: IpcRendererEvent, id: unknown, progress: OpProgress) => {
      if (id === callId) onProgress(progress);
    };
    ipcRenderer.on('fieldbook:progress', handler);
    try {
      return await ipcRenderer.invoke('fieldbook:op', name, input, callId);
    } finally {
      ipcRenderer.removeListener('fieldbook:progress', handler);
    }
  },
  cancel: (callId) => ipcRenderer.send('fieldbook:cancel', callId),
  onMenuImport: (listener) => {
    const handler = (_event: IpcRendererEvent, menuImport: MenuImport) => listener(menuImport);
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
