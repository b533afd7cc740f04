import type { LibraryChange } from '../../main/common/changes';

/** After a dropped stream, wait this long, doubling up to the cap, before asking again. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

export interface ChangeStreamOptions {
  url: string;
  headers: Record<string, string>;
  onChange: (change: LibraryChange) => void;
  /** Each time the stream (re)starts: what changed while it was down was not heard. */
  onConnected: () => void;
  fetchImpl?: typeof fetch;
  /** Injected so tests need not wait out a backoff. */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Reads the browser host's change stream (Server-Sent Events) with fetch, since EventSource cannot
 * send the secret's header, and keeps reading it, reconnecting after a drop, until stopped.
 */
export function readChangeStream(options: ChangeStreamOptions): () => void {
  const { url, headers, onChange, onConnected, fetchImpl = (...args) => fetch(...args) } = options;
  const wait = options.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const stopper = new AbortController();
  void (async () => {
    let retryMs = FIRST_RETRY_MS;
    while (!stopper.signal.aborted) {
      try {
        const response = await fetchImpl(url, { headers, signal: stopper.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        retryMs = FIRST_RETRY_MS;
        onConnected();
        await readEvents(response.body, onChange);
      } catch {
        // A stopped stream ends here; a dropped one is read again after a pause.
      }
      if (stopper.signal.aborted) return;
      await wait(retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  })();
  return () => stopper.abort();
}

async function readEvents(body: ReadableStream<Uint8Array>, onChange: (change: LibraryChange) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const change = parseChangeEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      if (change) onChange(change);
    }
  }
}

/** One event's lines; comments (keep-alives) and other events are not changes. */
export function parseChangeEvent(block: string): LibraryChange | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== 'change' || data.length === 0) return null;
  try {
    const parsed = JSON.parse(data.join('\n')) as LibraryChange;
    return typeof parsed.seq === 'number' && typeof parsed.changed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
