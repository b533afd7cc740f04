import { describe, expect, it } from 'vitest';
import { gradeFactor, type AchRating, type AchRatingCell } from '../../common/hypotheses';
import { scoreMatrix } from './ach-scores';

/**
 * Heuer, "Psychology of Intelligence Analysis" (1999), chapter 8, Figure 15: "Question: Will Iraq
 * Retaliate for US Bombing of Its Intelligence Headquarters?". The figure's marks are written here
 * from memory of the book, not copied from it: "+" is C, "-" is I, "--" is II. Heuer's reading of
 * the matrix, which these tests assert, is the chapter's method: E1 (Saddam's public statement) is
 * consistent with every hypothesis and so has no diagnostic value, and counting inconsistencies
 * rather than consistencies puts H2 (minor terrorist actions) first, H3 second, H1 last.
 */
const H1 = 1; // Iraq will not retaliate.
const H2 = 2; // It will sponsor some minor terrorist actions.
const H3 = 3; // Iraq is planning a major terrorist attack, perhaps against one or more CIA installations.
const IRAQ: Array<[number, string, [AchRating, AchRating, AchRating]]> = [
  [1, 'Saddam public statement of intent not to retaliate.', ['C', 'C', 'C']],
  [2, 'Absence of terrorist offensive during the 1991 Gulf War.', ['C', 'C', 'I']],
  [3, 'Assumption that Iraq would not want to provoke another US attack.', ['C', 'C', 'I']],
  [4, 'Increase in frequency/length of monitored Iraqi agent radio broadcasts.', ['I', 'C', 'C']],
  [5, 'Iraqi embassies instructed to take increased security precautions.', ['I', 'C', 'C']],
  [6, 'Assumption that failure to retaliate would be unacceptable loss of face for Saddam.', ['II', 'C', 'C']],
];
const ratings: AchRatingCell[] = IRAQ.flatMap(([evidenceId, , marks]) =>
  marks.map((rating, i) => ({ evidenceId, hypothesisId: [H1, H2, H3][i]!, rating })),
);
const evenly = IRAQ.map(([id]) => ({ id, weight: 1 }));

describe('ACH scoring: Heuer’s Iraqi-retaliation matrix', () => {
  const { scores, diagnostic } = scoreMatrix({ hypothesisIds: [H1, H2, H3], evidence: evenly, ratings });
  const of = (id: number) => scores.find((s) => s.hypothesisId === id)!;

  it('counts inconsistencies, II twice, and ranks the least inconsistent first', () => {
    expect(of(H1)).toMatchObject({ inconsistency: 4, weightedInconsistency: 4, rank: 3 });
    expect(of(H2)).toMatchObject({ inconsistency: 0, weightedInconsistency: 0, rank: 1 });
    expect(of(H3)).toMatchObject({ inconsistency: 2, weightedInconsistency: 2, rank: 2 });
    const ranking = [...scores].sort((a, b) => a.rank - b.rank).map((s) => s.hypothesisId);
    expect(ranking).toEqual([H2, H3, H1]);
  });

  it('tallies consistencies for information, without letting them rank', () => {
    // H2 is consistent with all six, H1 with three: a count of consistencies would say the same
    // here, but it is H3's four consistencies against H1's three that would mislead.
    expect(scores.map((s) => s.weightedConsistency)).toEqual([3, 6, 4]);
  });

  it('marks the statement every hypothesis agrees with as not diagnostic', () => {
    expect([...diagnostic].sort()).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('ACH scoring: weights, ties and blanks', () => {
  it('multiplies each item’s points by its weight', () => {
    const { scores } = scoreMatrix({
      hypothesisIds: [1, 2],
      evidence: [{ id: 10, weight: 2 }, { id: 11, weight: 0.5 }],
      ratings: [
        { evidenceId: 10, hypothesisId: 1, rating: 'II' },
        { evidenceId: 11, hypothesisId: 2, rating: 'I' },
        { evidenceId: 11, hypothesisId: 1, rating: 'CC' },
      ],
    });
    expect(scores).toEqual([
      { hypothesisId: 1, weightedInconsistency: 4, inconsistency: 2, weightedConsistency: 1, rank: 2 },
      { hypothesisId: 2, weightedInconsistency: 0.5, inconsistency: 1, weightedConsistency: 0, rank: 1 },
    ]);
  });

  it('gives tied hypotheses the same rank', () => {
    const { scores } = scoreMatrix({
      hypothesisIds: [1, 2, 3],
      evidence: [{ id: 10, weight: 1 }],
      ratings: [{ evidenceId: 10, hypothesisId: 3, rating: 'I' }],
    });
    expect(scores.map((s) => s.rank)).toEqual([1, 1, 3]);
  });

  it('reads an unrated cell as N and leaves NA out of diagnosticity', () => {
    const { diagnostic } = scoreMatrix({
      hypothesisIds: [1, 2, 3],
      evidence: [10, 11, 12, 13].map((id) => ({ id, weight: 1 })),
      ratings: [
        // 10: nothing rated: says nothing. 11: N, N, I: tells them apart.
        { evidenceId: 11, hypothesisId: 3, rating: 'I' },
        // 12: C where it applies, NA elsewhere: the same for all it applies to.
        { evidenceId: 12, hypothesisId: 1, rating: 'C' },
        { evidenceId: 12, hypothesisId: 2, rating: 'C' },
        { evidenceId: 12, hypothesisId: 3, rating: 'NA' },
        // 13: C against CC differs.
        { evidenceId: 13, hypothesisId: 1, rating: 'C' },
        { evidenceId: 13, hypothesisId: 2, rating: 'CC' },
        { evidenceId: 13, hypothesisId: 3, rating: 'C' },
      ],
    });
    expect([...diagnostic].sort()).toEqual([11, 13]);
  });

  it('weighs an A1 passage in full, an E5 one a twenty-fifth, and an ungraded half as cannot-be-judged', () => {
    expect(gradeFactor({ reliability: 'A', credibility: 1 })).toBe(1);
    expect(gradeFactor({ reliability: 'E', credibility: 5 })).toBeCloseTo(0.04);
    expect(gradeFactor({ reliability: 'B', credibility: 2 })).toBeCloseTo(0.64);
    expect(gradeFactor({ reliability: 'F', credibility: 6 })).toBe(0.25);
    expect(gradeFactor({ reliability: 'A', credibility: null })).toBe(0.5);
    expect(gradeFactor(null)).toBe(0.25);
  });

  it('lets grade weighting change the ranking (the same II from a poor source weighs less)', () => {
    const grades = { 10: gradeFactor({ reliability: 'E', credibility: 5 }), 11: gradeFactor({ reliability: 'A', credibility: 1 }) };
    const { scores } = scoreMatrix({
      hypothesisIds: [1, 2],
      evidence: [{ id: 10, weight: grades[10] }, { id: 11, weight: grades[11] }],
      ratings: [
        { evidenceId: 10, hypothesisId: 1, rating: 'II' },
        { evidenceId: 11, hypothesisId: 2, rating: 'I' },
      ],
    });
    expect(scores.map((s) => [s.inconsistency, s.weightedInconsistency, s.rank])).toEqual([
      [2, 0.08, 1],
      [1, 1, 2],
    ]);
  });
});
