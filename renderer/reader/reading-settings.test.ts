import { describe, expect, it } from 'vitest';
import { DEFAULT_READING, parseReadingSettings, readingStyle, sizePercent, stepTextSize, TEXT_SIZES } from './reading-settings';

describe('reading settings', () => {
  it('start at the designed size and line length', () => {
    expect(parseReadingSettings(null)).toEqual(DEFAULT_READING);
    expect(sizePercent(DEFAULT_READING)).toBe('100%');
    expect(readingStyle(DEFAULT_READING)).toEqual({ '--reading-size': '1.125rem', '--reading-measure': '62ch' });
  });

  it('step a size at a time and stop at the ends', () => {
    const larger = stepTextSize(DEFAULT_READING, 1);
    expect(readingStyle(larger)).toMatchObject({ '--reading-size': '1.25rem' });
    expect(sizePercent(larger)).toBe('111%');
    let smallest = DEFAULT_READING;
    for (let i = 0; i < 20; i++) smallest = stepTextSize(smallest, -1);
    expect(smallest.size).toBe(0);
    expect(stepTextSize(smallest, -1)).toBe(smallest);
    let largest = DEFAULT_READING;
    for (let i = 0; i < 20; i++) largest = stepTextSize(largest, 1);
    expect(largest.size).toBe(TEXT_SIZES.length - 1);
  });

  it('read back what was kept, and the default for anything unreadable', () => {
    expect(parseReadingSettings(JSON.stringify({ size: 6, width: 'wide' }))).toEqual({ size: 6, width: 'wide' });
    expect(parseReadingSettings('{not json')).toEqual(DEFAULT_READING);
    expect(parseReadingSettings(JSON.stringify({ size: 99, width: 'toString' }))).toEqual(DEFAULT_READING);
    expect(parseReadingSettings(JSON.stringify({ size: 1.5, width: 'narrow' }))).toEqual({ size: DEFAULT_READING.size, width: 'narrow' });
  });
});
