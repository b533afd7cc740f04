import { describe, expect, it } from 'vitest';
import { describeCounts } from './restore-counts';

const counts = { documents: 1, highlights: 2, actors: 0, mentions: 0, notes: 1, links: 0, themes: 0, analyses: 1 };

describe('describeCounts', () => {
  it('says one of a kind in the singular, analyses included, in the order the report gives them', () => {
    expect(describeCounts(counts)).toBe('1 document, 2 highlights, 0 actors, 0 mentions, 1 note, 0 links, 0 themes, 1 analysis');
    expect(describeCounts(counts, { nonZero: true })).toBe('1 document, 2 highlights, 1 note, 1 analysis');
  });
});
