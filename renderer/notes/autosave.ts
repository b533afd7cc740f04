/**
 * When a note is written to disk. Every change is stored within a second of the last keystroke:
 * a save waits for a short pause (delay) but never longer than maxWait after the first unsaved
 * change, so steady typing still saves. One save runs at a time; a failed save keeps the change
 * pending and tries again, later each time.
 */
export interface AutosaveOptions {
  delayMs: number;
  maxWaitMs: number;
  /** How long to wait before retry number `attempt` (1, 2, …) after a failure. */
  retryDelayMs(attempt: number): number;
}

export const NOTE_AUTOSAVE: AutosaveOptions = {
  delayMs: 500,
  maxWaitMs: 1_000,
  retryDelayMs: (attempt) => Math.min(1_000 * 2 ** (attempt - 1), 15_000),
};

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export type AutosaveState =
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; message: string; attempt: number };

export class AutosaveScheduler {
  private dirty = false;
  private firstChangeAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private state: AutosaveState = { status: 'saved' };

  /** `save` reads whatever is current when it runs, so a retry always stores the latest text. */
  constructor(
    private readonly save: () => Promise<SaveOutcome>,
    private readonly onState: (state: AutosaveState) => void,
    private readonly options: AutosaveOptions = NOTE_AUTOSAVE,
  ) {}

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  change(): void {
    if (this.stopped) return;
    this.dirty = true;
    const now = Date.now();
    this.firstChangeAt ??= now;
    const due = Math.min(now + this.options.delayMs, this.firstChangeAt + this.options.maxWaitMs);
    if (this.state.status !== 'failed') this.setState({ status: 'pending' });
    this.schedule(due - now);
  }

  /** Saves now if anything is unsaved, and resolves once what was typed so far is stored (or failed). */
  async flush(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (this.dirty) this.run();
    if (this.inFlight) await this.inFlight;
  }

  /** Nothing more is saved: the note was deleted, or it is gone from the screen and flushed. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), Math.max(0, ms));
  }

  private run(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A save already under way: the change is picked up when it finishes.
    if (this.inFlight || !this.dirty) return;
    this.dirty = false;
    this.firstChangeAt = null;
    this.setState({ status: 'saving' });
    this.inFlight = this.save()
      .catch((error: unknown): SaveOutcome => ({ ok: false, message: error instanceof Error ? error.message : String(error) }))
      .then((outcome) => {
        this.inFlight = null;
        if (outcome.ok) {
          this.failures = 0;
          if (this.dirty) {
            this.setState({ status: 'pending' });
            if (this.timer === undefined && !this.stopped) this.schedule(0);
          } else {
            this.setState({ status: 'saved' });
          }
          return;
        }
        this.dirty = true;
        this.failures += 1;
        this.setState({ status: 'failed', message: outcome.message, attempt: this.failures });
        if (!this.stopped) this.schedule(this.options.retryDelayMs(this.failures));
      });
  }

  private setState(state: AutosaveState): void {
    this.state = state;
    this.onState(state);
  }
}
