import { describe, expect, it } from 'vitest';
import { contentsItems, landingSpan } from './contents-items';

describe('contents items', () => {
  it('flattens the outline in reading order with each row’s depth', () => {
    const items = contentsItems([
      { title: 'Part One', offset: 0, children: [{ title: 'Chapter 1', offset: 10, children: [] }] },
      { title: 'Part Two', offset: 50, children: [] },
    ]);
    expect(items).toEqual([
      { title: 'Part One', offset: 0, level: 1 },
      { title: 'Chapter 1', offset: 10, level: 2 },
      { title: 'Part Two', offset: 50, level: 1 },
    ]);
  });

  it('lands on the first character that is not a space', () => {
    expect(landingSpan('ab\n\nChapter', 2)).toEqual({ start: 4, end: 5 });
    expect(landingSpan('ab', 5)).toBeNull();
  });
});
