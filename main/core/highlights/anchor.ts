import { splitsCodePoint } from '../text/code-points';
import { matchQuote, type QuoteMatch } from './match-quote';
import { toMatchingText, toOriginalRange, type MatchingText } from './matching-text';

/** W3C Web Annotation selectors, both counted in the document's normalised plain text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnchorStatus = 'exact' | 'approximate' | 'orphaned';
export type Anchoring =
  | { status: 'exact' | 'approximate'; start: number; end: number }
  | { status: 'orphaned' };

export const CONTEXT_LENGTH = 32;

export function describeRange(text: string, start: number, end: number): Selectors {
  // The context stops short of a character it would cut in half (see code-points.ts).
  const prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  const suffixEnd = end + CONTEXT_LENGTH;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(splitsCodePoint(text, prefixStart) ? prefixStart + 1 : prefixStart, start),
      suffix: text.slice(end, splitsCodePoint(text, suffixEnd) ? suffixEnd - 1 : suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * A text prepared once for anchoring many highlights: the matching view is built lazily and
 * only when some quote is not where its position says.
 */
export class AnchorTarget {
  private view: MatchingText | undefined;
  constructor(readonly text: string) {}

  matchingView(): MatchingText {
    this.view ??= toMatchingText(this.text);
    return this.view;
  }
}

/** How far around the expected place to look before searching the whole text. */
const WINDOW = 1024;

/**
 * Places a highlight: at its stored position when the quote is still there (or where `expected`
 * says, for a caller that tracks how far earlier text moved); else at the best exact occurrence
 * of the quote (prefix and suffix choose among repeats); else approximately, ignoring whitespace
 * and typographic differences and allowing a few edits, near the expected place first and then
 * anywhere; else it is orphaned.
 */
export function anchor(target: AnchorTarget, selectors: Selectors, expected = selectors.position.start): Anchoring {
  const { text } = target;
  const { quote, position } = selectors;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { status: 'exact', start: position.start, end: position.end };
  }
  if (expected !== position.start && text.slice(expected, expected + quote.exact.length) === quote.exact) {
    return { status: 'exact', start: expected, end: expected + quote.exact.length };
  }
  const exact = exactOccurrence(text, quote, expected);
  if (exact) return { status: 'exact', ...exact };

  const view = target.matchingView();
  const needle = toMatchingText(quote.exact).text;
  if (needle.trim().length === 0) return { status: 'orphaned' };
  const context = {
    prefix: toMatchingText(quote.prefix).text,
    suffix: toMatchingText(quote.suffix).text,
    hint: nearestViewIndex(view, expected),
  };
  const match = matchNear(view.text, needle, context) ?? matchQuote(view.text, needle, context);
  if (!match) return { status: 'orphaned' };
  const range = toOriginalRange(view, match.start, match.end);
  const status = text.slice(range.start, range.end) === quote.exact ? 'exact' : 'approximate';
  return { status, ...range };
}

/** The approximate search over a window around the hint: most edits move a passage only a little. */
function matchNear(text: string, needle: string, context: { prefix: string; suffix: string; hint: number }): QuoteMatch | null {
  const from = Math.max(0, context.hint - WINDOW);
  const to = Math.min(text.length, context.hint + needle.length + WINDOW);
  if (from === 0 && to === text.length) return null;
  const match = matchQuote(text.slice(from, to), needle, { ...context, hint: context.hint - from });
  return match && { ...match, start: match.start + from, end: match.end + from };
}

/**
 * The exact occurrence of the quote that its context agrees with most, character for character;
 * the nearest to the hint among equals. Cheap enough for a phrase that repeats a hundred times.
 * A short quote ("Mali") found with little of its context around it is not the same passage: it
 * is left to the approximate search, which orphans it rather than move it onto other words.
 */
function exactOccurrence(text: string, quote: TextQuoteSelector, hint: number): { start: number; end: number } | null {
  let best: { start: number; agreement: number; distance: number } | null = null;
  let count = 0;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    count++;
    const agreement = contextAgreement(text, at, at + quote.exact.length, quote);
    const distance = Math.abs(at - hint);
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      best = { start: at, agreement, distance };
    }
  }
  if (!best) return null;
  const context = quote.prefix.length + quote.suffix.length;
  const distinctive = quote.exact.length >= DISTINCTIVE_QUOTE && count === 1;
  if (!distinctive && context > 0 && best.agreement < context / 2) return null;
  return { start: best.start, end: best.start + quote.exact.length };
}

/** A quote of a few words, found once, is the passage whatever has changed around it. */
const DISTINCTIVE_QUOTE = 16;

function contextAgreement(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  let before = 0;
  while (before < quote.prefix.length && text[start - 1 - before] === quote.prefix[quote.prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < quote.suffix.length && text[end + after] === quote.suffix[after]) after++;
  return before + after;
}

function nearestViewIndex(view: MatchingText, originalOffset: number): number {
  let lo = 0;
  let hi = view.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.offsets[mid]! < originalOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
