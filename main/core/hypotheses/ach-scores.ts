import {
  CONSISTENCY_POINTS,
  INCONSISTENCY_POINTS,
  type AchRating,
  type AchRatingCell,
  type AchScore,
} from '../../common/hypotheses';

/**
 * Heuer's scoring (Psychology of Intelligence Analysis, ch. 8, steps 4 and 5), pure so the matrix
 * of ten hypotheses by hundreds of items is recomputed whole on every change: it is a few thousand
 * additions, cheaper than keeping running totals right.
 */
export interface ScoringInput {
  hypothesisIds: readonly number[];
  /** Each item with the weight the scores use. */
  evidence: ReadonlyArray<{ id: number; weight: number }>;
  ratings: readonly AchRatingCell[];
}

export interface Scoring {
  scores: AchScore[];
  /** The ids of items that rate some applicable hypotheses differently from others. */
  diagnostic: Set<number>;
}

export function scoreMatrix(input: ScoringInput): Scoring {
  const ratingOf = ratingLookup(input.ratings);
  const scores = input.hypothesisIds.map((hypothesisId) => {
    let weightedInconsistency = 0;
    let inconsistency = 0;
    let weightedConsistency = 0;
    for (const item of input.evidence) {
      const rating = ratingOf(item.id, hypothesisId);
      inconsistency += INCONSISTENCY_POINTS[rating];
      weightedInconsistency += INCONSISTENCY_POINTS[rating] * item.weight;
      weightedConsistency += CONSISTENCY_POINTS[rating] * item.weight;
    }
    return { hypothesisId, weightedInconsistency: tidy(weightedInconsistency), inconsistency, weightedConsistency: tidy(weightedConsistency), rank: 0 };
  });
  // Competition ranking: two hypotheses equally inconsistent share a rank and the next one skips.
  for (const score of scores) score.rank = 1 + scores.filter((other) => other.weightedInconsistency < score.weightedInconsistency).length;

  const diagnostic = new Set<number>();
  for (const item of input.evidence) {
    const applicable = input.hypothesisIds.map((h) => ratingOf(item.id, h)).filter((rating) => rating !== 'NA');
    if (new Set(applicable).size > 1) diagnostic.add(item.id);
  }
  return { scores, diagnostic };
}

/** An unrated cell is N: it says nothing for or against. */
function ratingLookup(ratings: readonly AchRatingCell[]): (evidenceId: number, hypothesisId: number) => AchRating {
  const byCell = new Map<string, AchRating>();
  for (const cell of ratings) byCell.set(`${cell.evidenceId}:${cell.hypothesisId}`, cell.rating);
  return (evidenceId, hypothesisId) => byCell.get(`${evidenceId}:${hypothesisId}`) ?? 'N';
}

/** Weights such as 0.8 × 0.6 add up with binary noise; scores are shown to two places at most. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
