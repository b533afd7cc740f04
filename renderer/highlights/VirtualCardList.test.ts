import { describe, expect, it } from 'vitest';
import { cardsBetween } from './VirtualCardList';

/** Where each card starts, for cards of these heights (each with its gap), and the end. */
const offsetsOf = (heights: number[]) => Float64Array.from(heights.reduce<number[]>((acc, h) => [...acc, acc.at(-1)! + h], [0]));

describe('cardsBetween', () => {
  const offsets = offsetsOf(Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 200 : 100)));

  it('mounts only the cards overlapping the view and its margins', () => {
    expect(cardsBetween(offsets, -900, 1700)).toEqual({ first: 0, last: 12 });
    const middle = cardsBetween(offsets, 40_000, 41_000);
    expect(middle.last - middle.first).toBeLessThan(12);
    expect(offsets[middle.first]!).toBeLessThanOrEqual(40_000);
    expect(offsets[middle.first + 1]!).toBeGreaterThan(40_000);
    expect(offsets[middle.last]!).toBeLessThanOrEqual(41_000);
    expect(offsets[middle.last + 1]!).toBeGreaterThan(41_000);
  });

  it('keeps to the list at its ends', () => {
    expect(cardsBetween(offsets, 10_000_000, 10_001_000)).toEqual({ first: 1999, last: 1999 });
    expect(cardsBetween(offsetsOf([]), 0, 100)).toEqual({ first: 0, last: -1 });
  });
});
