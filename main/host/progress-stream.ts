import type { ServerResponse } from 'node:http';
import type { OpResult } from '../common/contract';
import { PROGRESS_STREAM_TYPE, type OpProgress } from '../common/progress';
import { SECURITY_HEADERS } from './security';

/**
 * A tracked call's answer, written as it goes: a line per progress report, the result last. It
 * starts at the first report, so a call refused before it runs is answered as any other.
 */
export class ProgressStream {
  started = false;

  constructor(private readonly res: ServerResponse) {}

  send(progress: OpProgress): void {
    if (this.res.destroyed) return;
    if (!this.started) {
      this.started = true;
      this.res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': `${PROGRESS_STREAM_TYPE}; charset=utf-8`, 'cache-control': 'no-store' });
    }
    this.res.write(`${JSON.stringify({ progress })}\n`);
  }

  end(result: OpResult<unknown>): void {
    if (!this.res.destroyed) this.res.end(`${JSON.stringify({ result })}\n`);
  }
}
