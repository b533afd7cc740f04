/**
 * How far a long operation (an import, a restore, rebuilding the search index, exporting an
 * archive) has got, as its caller hears it while it runs.
 */
export interface OpProgress {
  /** Steps done and in all: files for an import, stages for the others. */
  done: number;
  total: number;
  /** Said to a person as it is: "Imported 3 of 81 files". */
  message: string;
}

/**
 * How a window follows one long call: it names the call, so that it hears the call's progress
 * and can ask it to stop (see FieldbookApi.cancel).
 */
export interface CallTracking {
  /** Made by the window, unique among its calls in flight. */
  callId: string;
  onProgress(progress: OpProgress): void;
}

/** Letters, digits and hyphens, as a UUID has: a call id travels in an HTTP header and an IPC message. */
export const isCallId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);

/**
 * The browser host's wire for a tracked call: the request names the call in this header, and the
 * answer comes as lines of JSON, `{"progress": …}` as it goes and `{"result": …}` last. Stopping
 * it is a POST to CANCEL_PATH_PREFIX + the call id.
 */
export const CALL_ID_HEADER = 'x-fieldbook-call';
export const PROGRESS_STREAM_TYPE = 'application/x-ndjson';
export const CANCEL_PATH_PREFIX = '/api/cancel/';
