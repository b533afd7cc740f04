/**
 * The long calls that windows are following, each with the means to stop it. Keyed by who asked
 * (an Electron window, the browser host's secret holder) as well as the call's id, so one window's
 * cancel can never reach another's call, and a window that closes stops what it started.
 */
export class TrackedCalls {
  private readonly running = new Map<string, AbortController>();

  /** The signal to hand the operation. A second start of a call id still running takes it over. */
  start(owner: string, callId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(key(owner, callId), controller);
    return controller.signal;
  }

  finish(owner: string, callId: string, signal: AbortSignal): void {
    const k = key(owner, callId);
    if (this.running.get(k)?.signal === signal) this.running.delete(k);
  }

  /** Whether there was such a call to stop. */
  cancel(owner: string, callId: string): boolean {
    const controller = this.running.get(key(owner, callId));
    controller?.abort();
    return controller !== undefined;
  }

  cancelAllOf(owner: string): void {
    for (const [k, controller] of this.running) {
      if (k.startsWith(`${owner}\n`)) controller.abort();
    }
  }
}

const key = (owner: string, callId: string) => `${owner}\n${callId}`;
