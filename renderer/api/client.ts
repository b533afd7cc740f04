import type { FieldbookApi } from '../../main/common/contract';
import { takeHostSecret } from './host-secret';
import { createHttpTransport } from './http-transport';

// The Electron preload exposes the API over IPC; the browser host has no preload, so it gets HTTP.
// The secret is taken from the address as this module loads, before the first route is read.
const transport: FieldbookApi = window.fieldbook ?? createHttpTransport(takeHostSecret(window));

/** The one way the UI reaches the library. Never rejects: a broken channel becomes an OpError too. */
export const api: FieldbookApi = {
  call: (name, input) =>
    transport.call(name, input).catch(() => ({
      ok: false as const,
      error: { code: 'library_unavailable' as const, message: "Fieldbook's library is not reachable. Try again; if this keeps happening, restart Fieldbook." },
    })),
};
