import { describe, expect, it } from 'vitest';
import { CREDIBILITY_WORDING, gradeCode, gradeText, gradeWording, isCredibility, isReliability, RELIABILITY_WORDING } from './admiralty';

describe('the Admiralty code', () => {
  it('has the standard words for every letter and digit', () => {
    expect(Object.entries(RELIABILITY_WORDING).map(([letter, { label }]) => `${letter} ${label}`)).toEqual([
      'A Completely reliable',
      'B Usually reliable',
      'C Fairly reliable',
      'D Not usually reliable',
      'E Unreliable',
      'F Reliability cannot be judged',
    ]);
    expect(Object.entries(CREDIBILITY_WORDING).map(([digit, { label }]) => `${digit} ${label}`)).toEqual([
      '1 Confirmed by other sources',
      '2 Probably true',
      '3 Possibly true',
      '4 Doubtful',
      '5 Improbable',
      '6 Truth cannot be judged',
    ]);
  });

  it('writes a grade letter first, with its words beside it', () => {
    expect(gradeCode('B', 2)).toBe('B2');
    expect(gradeWording('B', 2)).toBe('Usually reliable, probably true');
    expect(gradeText('B', 2)).toBe('B2 (Usually reliable, probably true)');
    expect(gradeText('F', null)).toBe('F (Reliability cannot be judged)');
    expect(gradeText(null, 1)).toBe('1 (Confirmed by other sources)');
    expect(gradeText(null, null)).toBeNull();
  });

  it('knows letters as capitals and digits as numbers', () => {
    expect([isReliability('A'), isReliability('a'), isReliability('G'), isReliability(null)]).toEqual([true, false, false, false]);
    expect([isCredibility(6), isCredibility('6'), isCredibility(0), isCredibility(1.5)]).toEqual([true, false, false, false]);
  });
});
