import { idFromArgument } from './id-argument';

/** Typed to clear a grade: `--reliability none`. */
const CLEAR = /^(none|null|-)$/i;

/**
 * A letter as typed, in capitals ("b" is B to anyone reading a grade); anything else goes over as
 * typed, so the contract's own message ("A source's reliability is a letter from A to F.") is what
 * the user reads.
 */
export function reliabilityFromArgument(typed: string): string | null {
  if (CLEAR.test(typed.trim())) return null;
  return /^[a-z]$/i.test(typed.trim()) ? typed.trim().toUpperCase() : typed;
}

/** A digit goes over as a number, as the contract wants it. */
export function credibilityFromArgument(typed: string): number | string | null {
  if (CLEAR.test(typed.trim())) return null;
  return idFromArgument(typed);
}

/** `--reliability A,B,none --credibility 1,2`: the grades a list or an analysis keeps (none: not graded). */
export function gradeFilterFromOptions(options: Record<string, string>): { reliability?: unknown[]; credibility?: unknown[] } {
  const list = (typed: string) => typed.split(',').map((item) => item.trim());
  return {
    ...(options.reliability !== undefined && { reliability: list(options.reliability).map(reliabilityFromArgument) }),
    ...(options.credibility !== undefined && { credibility: list(options.credibility).map(credibilityFromArgument) }),
  };
}
