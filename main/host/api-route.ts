import type { IncomingMessage } from 'node:http';
import type { OpResult } from '../common/contract';
import type { CallOptions, CoreService } from '../service/core-service';

/** Imports carry whole files as base64 (up to 40 MB each as text), so the ceiling is generous. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export const API_PREFIX = '/api/op/';

export interface ApiResponse {
  status: number;
  body: OpResult<unknown>;
}

class BodyTooLarge extends Error {}

/** The client went away before its request was in: nothing was run, and there is no one to answer. */
export class RequestAborted extends Error {}

/** Aborting `options.signal` stops a long operation at its next safe point; its progress goes to `options.onProgress`. */
export async function handleApiRequest(core: CoreService, req: IncomingMessage, opName: string, options: CallOptions = {}): Promise<ApiResponse> {
  let raw: string;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return invalid(413, `The request is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB; import fewer or smaller files at once.`);
    }
    throw error;
  }
  let input: unknown;
  try {
    input = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return invalid(400, 'The request body is not valid JSON.');
  }
  return { status: 200, body: await core.call(opName, input, options) };
}

function invalid(status: number, message: string): ApiResponse {
  return { status, body: { ok: false, error: { code: 'invalid_input', message } } };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A request stream only fails when its connection does: the client closed it mid-body.
    req.on('error', () => reject(new RequestAborted()));
    req.on('close', () => {
      if (!req.complete) reject(new RequestAborted());
    });
  });
}
