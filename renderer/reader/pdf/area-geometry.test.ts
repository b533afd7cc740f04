import { describe, expect, it } from 'vitest';
import { areaBetween, areaStyle, isLargeEnough } from './area-geometry';

const page = { left: 100, top: 50, width: 600, height: 800 };

describe('areaBetween', () => {
  it('gives the drag as shares of the page, whichever way it went', () => {
    const forwards = areaBetween(3, page, { x: 160, y: 130 }, { x: 400, y: 450 });
    const backwards = areaBetween(3, page, { x: 400, y: 450 }, { x: 160, y: 130 });
    expect(forwards).toEqual({ page: 3, x: 0.1, y: 0.1, width: 0.4, height: 0.4 });
    expect(backwards).toEqual(forwards);
  });

  it('keeps a drag that runs off the page at the page’s edge', () => {
    const area = areaBetween(1, page, { x: 400, y: 450 }, { x: 900, y: -20 });
    expect(area).toEqual({ page: 1, x: 0.5, y: 0, width: 0.5, height: 0.5 });
  });
});

describe('isLargeEnough', () => {
  it('takes a click or a sliver for no rectangle', () => {
    expect(isLargeEnough(areaBetween(1, page, { x: 200, y: 200 }, { x: 202, y: 400 }))).toBe(false);
    expect(isLargeEnough(areaBetween(1, page, { x: 200, y: 200 }, { x: 260, y: 260 }))).toBe(true);
  });
});

describe('areaStyle', () => {
  it('places the rectangle in percentages, so it stays on its figure at every zoom', () => {
    expect(areaStyle({ page: 1, x: 0.1, y: 0.25, width: 0.5, height: 0.125 })).toEqual({ left: '10.000%', top: '25.000%', width: '50.000%', height: '12.500%' });
  });
});
