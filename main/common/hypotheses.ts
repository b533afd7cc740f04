/**
 * Analysis of competing hypotheses (Richards J. Heuer Jr., "Psychology of Intelligence Analysis",
 * 1999, chapter 8): a question, the hypotheses that could answer it, the evidence, and a matrix
 * rating each piece of evidence against each hypothesis. Issue #17, point 4. Pure, so the page may
 * import it: the ratings' words and the weights are one rule for the core, the exports and the view.
 */
import type { Credibility, Reliability } from './admiralty';
import type { PassageGrade, Snippet } from './records';

/** Heuer's marks, from "very consistent" to "very inconsistent", and "not applicable". */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];
export const ACH_RATING_RULE = `A rating is one of ${ACH_RATINGS.join(', ')}.`;

export const ACH_RATING_WORDING: Readonly<Record<AchRating, string>> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral',
  I: 'Inconsistent',
  II: 'Very inconsistent',
  NA: 'Not applicable',
};

/**
 * Heuer counts inconsistencies, not consistencies: evidence consistent with a hypothesis is often
 * consistent with the others too, while one solid inconsistency can rule a hypothesis out. So only
 * I and II score (1 and 2 points), and the consistency tally (C 1, CC 2) is shown for information.
 */
export const INCONSISTENCY_POINTS: Readonly<Record<AchRating, number>> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };
export const CONSISTENCY_POINTS: Readonly<Record<AchRating, number>> = { CC: 2, C: 1, N: 0, I: 0, II: 0, NA: 0 };

/** The analyst's own weight for an item (PARC ACH's "relevance"): what the view offers. */
export const EVIDENCE_WEIGHTS = [
  { weight: 0.5, label: 'Low' },
  { weight: 1, label: 'Medium' },
  { weight: 2, label: 'High' },
] as const;
export const MAX_EVIDENCE_WEIGHT = 10;

/**
 * Weighing by source grade (an option of each analysis): the item's weight is multiplied by a
 * factor for its source's reliability and one for the information's credibility, so an A1 passage
 * counts in full and an E5 one a twenty-fifth. A half that "cannot be judged" (F, 6) counts as
 * 0.5, halfway, and so does a half nobody graded: not judged is treated as cannot be judged, for a
 * passage of an ungraded document and for a typed item alike (it has no source to grade).
 */
export const RELIABILITY_FACTOR: Readonly<Record<Reliability, number>> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 };
export const CREDIBILITY_FACTOR: Readonly<Record<Credibility, number>> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 };
export const UNGRADED_FACTOR = 0.5;

export function gradeFactor(grade: Pick<PassageGrade, 'reliability' | 'credibility'> | null): number {
  const reliability = grade?.reliability ? RELIABILITY_FACTOR[grade.reliability] : UNGRADED_FACTOR;
  const credibility = grade?.credibility ? CREDIBILITY_FACTOR[grade.credibility] : UNGRADED_FACTOR;
  return reliability * credibility;
}

export interface AnalysisSummary {
  id: number;
  uid: string;
  name: string;
  question: string;
  weighByGrade: boolean;
  hypothesisCount: number;
  evidenceCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface AchHypothesis {
  id: number;
  text: string;
}

export interface AchEvidence {
  id: number;
  /** 'highlight': a passage of a document; 'note': an item typed into the analysis. */
  kind: 'highlight' | 'note';
  /** The typed text, or the passage's quote (kept as it was added when the passage is deleted). */
  text: string;
  highlightId: number | null;
  /** The passage is gone (deleted); the quote stays so the matrix keeps its reasoning. */
  highlightDeleted: boolean;
  documentId: number | null;
  documentTitle: string | null;
  /** The passage's Admiralty grade as shown elsewhere; null for a typed item. */
  grade: PassageGrade | null;
  /** The analyst's weight. */
  weight: number;
  /** What the scores use: the weight, times the grade's factor when the analysis weighs by grade. */
  effectiveWeight: number;
  /** Rates every applicable hypothesis the same, so it cannot tell them apart (Heuer's "no diagnostic value"). */
  diagnostic: boolean;
}

export interface AchScore {
  hypothesisId: number;
  /** Σ (I 1, II 2) × the item's weight: lower is likelier; Heuer's ranking. */
  weightedInconsistency: number;
  /** The same without weights: the plain count of inconsistency points. */
  inconsistency: number;
  /** Σ (C 1, CC 2) × weight, for information only. */
  weightedConsistency: number;
  /** 1 for the least inconsistent; hypotheses that tie share a rank. */
  rank: number;
}

export interface AchRatingCell {
  evidenceId: number;
  hypothesisId: number;
  rating: AchRating;
}

export interface Analysis extends AnalysisSummary {
  hypotheses: AchHypothesis[];
  evidence: AchEvidence[];
  /** Only the rated cells; an unrated cell counts as N (neutral). */
  ratings: AchRatingCell[];
  scores: AchScore[];
}

/** The piece of an analysis a search matched: its name, its question, a hypothesis or a typed evidence item. */
export type AnalysisTextField = 'name' | 'question' | 'hypothesis' | 'evidence';

export interface AnalysisSearchResult {
  id: number;
  name: string;
  field: AnalysisTextField;
  /** The hypothesis's or item's label as the matrix shows it (H2, E3); null for the name and the question. */
  label: string | null;
  /** From the matched piece's own words. */
  snippet: Snippet;
}

/** Where in the analysis a search result matched, as the search dialog and the CLI say it. */
export function analysisFieldWording(result: Pick<AnalysisSearchResult, 'field' | 'label'>): string {
  switch (result.field) {
    case 'name':
      return 'Name';
    case 'question':
      return 'Question';
    case 'hypothesis':
      return `Hypothesis ${result.label ?? ''}`.trimEnd();
    case 'evidence':
      return `Evidence ${result.label ?? ''}`.trimEnd();
  }
}
