import { describe, expect, it } from 'vitest';
import { TrackedCalls } from './tracked-calls';

describe('tracked calls', () => {
  it('a cancel stops only the named call of the window that asks', () => {
    const calls = new TrackedCalls();
    const mine = calls.start('window 1', 'a');
    const sameIdElsewhere = calls.start('window 2', 'a');
    const myOther = calls.start('window 1', 'b');

    expect(calls.cancel('window 1', 'a')).toBe(true);

    expect(mine.aborted).toBe(true);
    expect(sameIdElsewhere.aborted).toBe(false);
    expect(myOther.aborted).toBe(false);
  });

  it('a finished call can no longer be cancelled, and says so', () => {
    const calls = new TrackedCalls();
    const signal = calls.start('window 1', 'a');
    calls.finish('window 1', 'a', signal);

    expect(calls.cancel('window 1', 'a')).toBe(false);
    expect(signal.aborted).toBe(false);
  });

  it('a closing window stops every call it started, and none of another window', () => {
    const calls = new TrackedCalls();
    const first = calls.start('window 1', 'a');
    const second = calls.start('window 1', 'b');
    const other = calls.start('window 10', 'c');

    calls.cancelAllOf('window 1');

    expect([first.aborted, second.aborted, other.aborted]).toEqual([true, true, false]);
  });

  it('the end of an earlier call does not forget a later one under the same id', () => {
    const calls = new TrackedCalls();
    const earlier = calls.start('window 1', 'a');
    const later = calls.start('window 1', 'a');
    calls.finish('window 1', 'a', earlier);

    expect(calls.cancel('window 1', 'a')).toBe(true);
    expect(later.aborted).toBe(true);
  });
});
