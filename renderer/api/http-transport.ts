import type { FieldbookApi, OpError, OpResult } from '../../main/api';

/** Under the 64 KiB that browsers allow all keepalive requests in flight, with room for the headers. */
const KEEPALIVE_LIMIT = 60 * 1024;

const UNREACHABLE: OpError = {
  code: 'library_unavailable',
  message: "Fieldbook's library host is not reachable. Check that it is still running, then try again.",
};

/**
 * The browser host's side of the contract: one POST per operation. The per-run secret is an
 * HttpOnly cookie the host set when it served the page, so it must travel with every request.
 */
export function createHttpTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): FieldbookApi {
  return {
    async call(name, input) {
      let response: Response;
      const body = JSON.stringify(input);
      try {
        response = await fetchImpl(`/api/op/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
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
  };
}

function isOpResult(body: unknown): body is OpResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' && 'code' in error;
}
