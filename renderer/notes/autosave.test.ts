import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveScheduler, type AutosaveState, type SaveOutcome } from './autosave';

const OPTIONS = { delayMs: 500, maxWaitMs: 1_000, retryDelayMs: (attempt: number) => 1_000 * attempt };

function setup(outcomes: SaveOutcome[] = []) {
  const states: AutosaveState['status'][] = [];
  const save = vi.fn(async (): Promise<SaveOutcome> => outcomes.shift() ?? { ok: true });
  const scheduler = new AutosaveScheduler(save, (state) => states.push(state.status), OPTIONS);
  return { scheduler, save, states };
}

describe('AutosaveScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, half a second after the last change', async () => {
    const { scheduler, save, states } = setup();
    scheduler.change();
    await vi.advanceTimersByTimeAsync(300);
    scheduler.change();
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('saved');
  });

  it('never waits more than a second after the first unsaved change, however steady the typing', async () => {
    const { scheduler, save } = setup();
    for (let elapsed = 0; elapsed < 1_000; elapsed += 200) {
      scheduler.change();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush saves at once and resolves when the save is done', async () => {
    const { scheduler, save } = setup();
    scheduler.change();
    await scheduler.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(scheduler.hasUnsavedChanges).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush with nothing changed saves nothing', async () => {
    const { scheduler, save } = setup();
    await scheduler.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('runs one save at a time and saves again for changes made during one', async () => {
    let finish: (outcome: SaveOutcome) => void = () => {};
    const save = vi.fn(() => new Promise<SaveOutcome>((resolve) => (finish = resolve)));
    const scheduler = new AutosaveScheduler(save, () => {}, OPTIONS);
    scheduler.change();
    await vi.advanceTimersByTimeAsync(500);
    scheduler.change();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(1);
    finish({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('keeps a failed change unsaved, says so, and retries until it is stored', async () => {
    const { scheduler, save, states } = setup([{ ok: false, message: 'The library is not reachable' }]);
    scheduler.change();
    await vi.advanceTimersByTimeAsync(500);
    expect(states.at(-1)).toBe('failed');
    expect(scheduler.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves nothing after stop, but a flush before it still goes through', async () => {
    const { scheduler, save } = setup();
    scheduler.change();
    await scheduler.flush();
    scheduler.stop();
    scheduler.change();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
