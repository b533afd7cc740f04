import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreService } from '../service/core-service';
import { SECURITY_HEADERS } from './security';

export const EVENTS_PATH = '/api/events';

/** A comment line now and then, so that a connection that died quietly is noticed by both ends. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Streams every change the core publishes to one page, as Server-Sent Events. The page reads the
 * stream with fetch (EventSource cannot send the secret's header) and, when the stream starts,
 * reads everything it shows again: what changed while it was not listening is not replayed.
 */
export function streamChanges(core: CoreService, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Nothing between here and the page may hold events back to fill a buffer.
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const stop = core.onChange((change) => res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
  const keepAlive = setInterval(() => res.write(': still here\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const end = () => {
    clearInterval(keepAlive);
    stop();
  };
  req.on('close', end);
  res.on('close', end);
}
