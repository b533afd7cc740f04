/**
 * Source grading with the Admiralty code (NATO AJP-2.1; the US Army's FM 2-22.3, appendix B): a
 * source's reliability is a letter from A to F, a piece of information's credibility a digit from
 * 1 to 6, judged apart so that a trusted source does not make a doubtful report believable. The
 * two are written together, letter first: "B2". Issue #17.
 *
 * Letters travel as strings and digits as numbers, everywhere: in the operations, the records, the
 * exports and the archive. The wording is NATO's (AJP-2.1), which is also what MISP's admiralty
 * taxonomy uses; FM 2-22.3 words a few of them more tersely (A "Reliable", 4 "Doubtfully true",
 * F and 6 "Cannot be judged"), and its explanations are kept here for a tooltip.
 */

export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];

export const RELIABILITY_RULE = 'A source’s reliability is a letter from A to F.';
export const CREDIBILITY_RULE = 'A credibility is a digit from 1 to 6.';

export const RELIABILITY_WORDING: Readonly<Record<Reliability, { label: string; explanation: string }>> = {
  A: { label: 'Completely reliable', explanation: 'No doubt of authenticity, trustworthiness or competency; a history of complete reliability.' },
  B: { label: 'Usually reliable', explanation: 'Minor doubt about authenticity, trustworthiness or competency; a history of valid information most of the time.' },
  C: { label: 'Fairly reliable', explanation: 'Doubt of authenticity, trustworthiness or competency, but has provided valid information in the past.' },
  D: { label: 'Not usually reliable', explanation: 'Significant doubt about authenticity, trustworthiness or competency, but has provided valid information in the past.' },
  E: { label: 'Unreliable', explanation: 'Lacking in authenticity, trustworthiness and competency; a history of invalid information.' },
  F: { label: 'Reliability cannot be judged', explanation: 'No basis exists for evaluating the reliability of the source.' },
};

export const CREDIBILITY_WORDING: Readonly<Record<Credibility, { label: string; explanation: string }>> = {
  1: { label: 'Confirmed by other sources', explanation: 'Confirmed by other independent sources; logical in itself; consistent with other information on the subject.' },
  2: { label: 'Probably true', explanation: 'Not confirmed; logical in itself; consistent with other information on the subject.' },
  3: { label: 'Possibly true', explanation: 'Not confirmed; reasonably logical in itself; agrees with some other information on the subject.' },
  4: { label: 'Doubtful', explanation: 'Not confirmed; possible but not logical; no other information on the subject.' },
  5: { label: 'Improbable', explanation: 'Not confirmed; not logical in itself; contradicted by other information on the subject.' },
  6: { label: 'Truth cannot be judged', explanation: 'No basis exists for evaluating the validity of the information.' },
};

export const isReliability = (value: unknown): value is Reliability => (RELIABILITIES as readonly unknown[]).includes(value);
export const isCredibility = (value: unknown): value is Credibility => (CREDIBILITIES as readonly unknown[]).includes(value);

/** A grade as written: "B2"; "B" or "2" when only one half is judged; "" when neither is. */
export function gradeCode(reliability: Reliability | null, credibility: Credibility | null): string {
  return `${reliability ?? ''}${credibility ?? ''}`;
}

/** The standard words beside the code, the second half in lower case: "Usually reliable, probably true". */
export function gradeWording(reliability: Reliability | null, credibility: Credibility | null): string {
  const words = [
    ...(reliability === null ? [] : [RELIABILITY_WORDING[reliability].label]),
    ...(credibility === null ? [] : [CREDIBILITY_WORDING[credibility].label]),
  ];
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toLowerCase() + word.slice(1))).join(', ');
}

/** "B2 (Usually reliable, probably true)", or null when nothing is graded. */
export function gradeText(reliability: Reliability | null, credibility: Credibility | null): string | null {
  if (reliability === null && credibility === null) return null;
  return `${gradeCode(reliability, credibility)} (${gradeWording(reliability, credibility)})`;
}

/**
 * Which passages a list or an analysis takes in by grade. Each list given keeps the passages
 * matching one of its entries; null stands for "not graded". An empty list keeps none.
 */
export interface GradeFilter {
  /** The passage's document has one of these reliabilities. */
  reliability?: ReadonlyArray<Reliability | null> | undefined;
  /** The passage's credibility, its own or else its document's, is one of these. */
  credibility?: ReadonlyArray<Credibility | null> | undefined;
}
