import { describe, expect, it } from 'vitest';
import { chosenShown, NO_SELECTION, toggleAllShown, toggleAt } from './highlight-selection';

const shown = [11, 12, 13, 14, 15, 16];

describe('choosing highlights in a list', () => {
  it('toggles one at a time, and a Shift range gives everything from the anchor the clicked one’s new state', () => {
    let s = toggleAt(NO_SELECTION, shown, 1, false);
    expect([...s.ids]).toEqual([12]);
    s = toggleAt(s, shown, 4, true);
    expect(chosenShown(s, shown)).toEqual([12, 13, 14, 15]);
    // A second range from the same anchor, upwards: the clicked box was off, so it comes on with the rest.
    s = toggleAt(s, shown, 0, true);
    expect(chosenShown(s, shown)).toEqual([11, 12, 13, 14, 15]);
    // A range ending on a chosen box clears the span.
    s = toggleAt(s, shown, 3, true);
    expect(chosenShown(s, shown)).toEqual([11, 15]);
  });

  it('treats a range with no anchor, or an anchor no longer shown, as a single toggle', () => {
    expect(chosenShown(toggleAt(NO_SELECTION, shown, 2, true), shown)).toEqual([13]);
    const s = toggleAt(NO_SELECTION, [99, ...shown], 0, false);
    expect(chosenShown(toggleAt(s, shown, 3, true), shown)).toEqual([14]);
  });

  it('selects all shown, then none; and counts only what is still shown', () => {
    let s = toggleAllShown(toggleAt(NO_SELECTION, shown, 0, false), shown);
    expect(chosenShown(s, shown)).toEqual(shown);
    expect(chosenShown(s, [13, 99, 11])).toEqual([13, 11]);
    s = toggleAllShown(s, shown);
    expect(s.ids.size).toBe(0);
    expect(toggleAllShown(NO_SELECTION, []).ids.size).toBe(0);
  });
});
