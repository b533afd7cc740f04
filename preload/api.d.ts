import type { FieldbookApi } from '../main/common/contract';

declare global {
  interface Window {
    /** Present in Electron (exposed by preload/index.ts); absent in the browser host. */
    fieldbook?: FieldbookApi;
  }
}

export {};
