import { describe, expect, it } from 'vitest';
import { translateQuery } from './translate-query';

const match = (q: string) => translateQuery(q).match;

describe('translating a typed query for FTS5', () => {
  it('matches the last word as a prefix while typing', () => {
    expect(match('abu wad')).toBe('"abu" "wad"*');
    expect(match('abu wadoud ')).toBe('"abu" "wadoud"');
  });

  it('names the word matched as a prefix, for marking it', () => {
    expect(translateQuery('abu wad').prefix).toBe('wad');
    expect(translateQuery('abu wadoud ').prefix).toBeNull();
    expect(translateQuery('"abu wadoud"').prefix).toBeNull();
  });

  it('starts prefix matching at the third letter', () => {
    expect(match('wa')).toBe('"wa"');
    expect(match('wad')).toBe('"wad"*');
  });

  it('keeps quoted phrases together', () => {
    expect(match('"secure area" population')).toBe('"secure area" "population"*');
  });

  it('closes an unbalanced quote at the end', () => {
    expect(match('"islamic state')).toBe('"islamic state"');
  });

  it('excludes words after a minus sign', () => {
    expect(match('sanctuary -libya')).toBe('"sanctuary" NOT "libya"');
    expect(match('sanctuary -"northern mali"')).toBe('"sanctuary" NOT "northern mali"');
    const { positive, negative } = translateQuery('sanctuary -libya -"northern mali"');
    expect([positive, negative]).toEqual(['"sanctuary"', '"libya" OR "northern mali"']);
  });

  it('searches nothing when only exclusions are left', () => {
    expect(translateQuery('-libya')).toEqual({ match: null, terms: [], positive: null, negative: null, prefix: null, positiveTerms: [] });
  });

  it('neutralises stray FTS5 operators and punctuation', () => {
    expect(match('AQIM AND (Mali OR')).toBe('"AQIM" "AND" "Mali" "OR"');
    expect(match('NEAR( ^al-qaeda: *')).toBe('"NEAR" "al qaeda"*');
    expect(match('"" - ***')).toBeNull();
  });

  it('reads accents typed as separate marks as the same letters', () => {
    expect(match('Libe\u0301ration ')).toBe('"Libération"');
  });

  it('leaves diacritics to the index, which folds them', () => {
    expect(translateQuery('Libération').terms).toEqual(['libération']);
  });
});
