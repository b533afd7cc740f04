import { describe, expect, it } from 'vitest';
import { nextRowIndex, rowsInSight } from './roving-keys';

describe('moving through a list with the keyboard', () => {
  it('steps one row with the arrows and stops at the ends', () => {
    expect(nextRowIndex('ArrowDown', 0, 3, 10)).toBe(1);
    expect(nextRowIndex('ArrowDown', 2, 3, 10)).toBe(2);
    expect(nextRowIndex('ArrowUp', 0, 3, 10)).toBe(0);
  });

  it('moves a screenful, less one row kept in sight, with the Page keys', () => {
    expect(nextRowIndex('PageDown', 0, 300, 10)).toBe(9);
    expect(nextRowIndex('PageUp', 295, 300, 10)).toBe(286);
    expect(nextRowIndex('PageDown', 295, 300, 10)).toBe(299);
  });

  it('goes to the ends with Home and End, and ignores other keys and empty lists', () => {
    expect(nextRowIndex('End', 4, 300, 10)).toBe(299);
    expect(nextRowIndex('Home', 4, 300, 10)).toBe(0);
    expect(nextRowIndex('a', 4, 300, 10)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});

describe('the rows mounted for a view', () => {
  it('covers the rows in sight and the overscan around them, within the list', () => {
    expect(rowsInSight(0, 500, 50, 10_000, 5)).toEqual({ first: 0, last: 15 });
    expect(rowsInSight(5000, 500, 50, 10_000, 5)).toEqual({ first: 95, last: 115 });
    expect(rowsInSight(499_000, 1000, 50, 10_000, 5)).toEqual({ first: 9975, last: 9999 });
  });

  it('mounts nothing for an empty list', () => {
    expect(rowsInSight(0, 500, 50, 0, 5)).toEqual({ first: 0, last: -1 });
  });
});
