import type { FieldbookApi, OpError, OpResult } from '../../main/common/contract';
import { readChangeStream } from './change-stream-reader';

/** Under the 64 KiB that browsers allow all keepalive requests in flight, with room for the headers. */
const KEEPALIVE_LIMIT = 60 * 1024;

const UNREACHABLE: OpError = {
  code: 'library_unavailable',
  message: "Fieldbook's library host is not reachable. Check that it is still running, then try again.",
};

/**
 * The browser host's side of the contract: one POST per operation, carrying the per-run secret
 * (see host-secret.ts) in a header. Never a cookie: cookies ignore ports, so every other server on
 * 127.0.0.1 would receive it too. Without a secret the host refuses, and says how to get one.
 */
export function createHttpTransport(secret: string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): FieldbookApi {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers['x-fieldbook-secret'] = secret;
  return {
    async call(name, input) {
      let response: Response;
      const body = JSON.stringify(input);
      try {
        response = await fetchImpl(`/api/op/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers,
          body,
          // A save sent as the tab closes must outlive the page; browsers allow that for bodies under 64 KB.
          keepalive: body.length < KEEPALIVE_LIMIT && new TextEncoder().encode(body).length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        answer = undefined;
      }
      // The host answers refusals (bad input, missing secret) with an OpResult too, whatever the status.
      if (isOpResult(answer)) return answer as OpResult<never>;
      return {
        ok: false,
        error: { code: 'library_unavailable', message: `Fieldbook's library host gave an answer the app cannot read (HTTP ${response.status}).` },
      };
    },
    onChange(listener, connected) {
      const secretOnly: Record<string, string> = secret ? { 'x-fieldbook-secret': secret } : {};
      return readChangeStream({ url: '/api/events', headers: secretOnly, onChange: listener, onConnected: () => connected?.(), fetchImpl });
    },
  };
}

function isOpResult(body: unknown): body is OpResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' && 'code' in error;
}
