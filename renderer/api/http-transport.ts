import type { FieldbookApi, OpError, OpResult } from '../../main/common/contract';
import { CALL_ID_HEADER, CANCEL_PATH_PREFIX, PROGRESS_STREAM_TYPE, type OpProgress } from '../../main/common/progress';
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
    async call(name, input, tracking) {
      let response: Response;
      const body = JSON.stringify(input);
      try {
        response = await fetchImpl(`/api/op/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: tracking ? { ...headers, [CALL_ID_HEADER]: tracking.callId } : headers,
          body,
          // A save sent as the tab closes must outlive the page; browsers allow that for bodies under 64 KB.
          keepalive: !tracking && body.length < KEEPALIVE_LIMIT && new TextEncoder().encode(body).length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
      let answer: unknown;
      try {
        const stream = tracking && (response.headers.get('content-type') ?? '').startsWith(PROGRESS_STREAM_TYPE) ? response.body : null;
        answer = stream && tracking ? await readProgressStream(stream, tracking.onProgress) : await response.json();
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
    cancel(callId) {
      // Only asks: the call's own answer says what became of it.
      void fetchImpl(`${CANCEL_PATH_PREFIX}${encodeURIComponent(callId)}`, { method: 'POST', headers, body: '{}' }).catch(() => {});
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

/** Reads a tracked call's answer: progress lines as they come, then the result, which it returns. */
async function readProgressStream(body: ReadableStream<Uint8Array>, onProgress: (progress: OpProgress) => void): Promise<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return undefined;
    pending += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line: unknown = JSON.parse(pending.slice(0, end));
      pending = pending.slice(end + 1);
      if (typeof line !== 'object' || line === null) continue;
      if ('result' in line) return line.result;
      if ('progress' in line && isProgress(line.progress)) onProgress(line.progress);
    }
  }
}

function isProgress(value: unknown): value is OpProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { done, total, message } = value as Record<string, unknown>;
  return typeof done === 'number' && typeof total === 'number' && typeof message === 'string';
}
