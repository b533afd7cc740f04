import { matchQuote } from './match-quote';
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
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
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

/**
 * Places a highlight: at its stored position when the quote is still there; else at the best
 * exact occurrence of the quote (prefix and suffix choose among repeats); else approximately,
 * ignoring whitespace and typographic differences and allowing a few edits; else it is orphaned.
 */
export function anchor(target: AnchorTarget, selectors: Selectors): Anchoring {
  const { text } = target;
  const { quote, position } = selectors;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { status: 'exact', start: position.start, end: position.end };
  }
  const context = { prefix: quote.prefix, suffix: quote.suffix, hint: position.start };
  const exact = exactOccurrence(text, quote, position.start);
  if (exact) return { status: 'exact', ...exact };

  const view = target.matchingView();
  const needle = toMatchingText(quote.exact).text;
  if (needle.trim().length === 0) return { status: 'orphaned' };
  const hint = nearestViewIndex(view, position.start);
  const match = matchQuote(view.text, needle, {
    prefix: toMatchingText(context.prefix).text,
    suffix: toMatchingText(context.suffix).text,
    hint,
  });
  if (!match) return { status: 'orphaned' };
  const range = toOriginalRange(view, match.start, match.end);
  const status = text.slice(range.start, range.end) === quote.exact ? 'exact' : 'approximate';
  return { status, ...range };
}

function exactOccurrence(text: string, quote: TextQuoteSelector, hint: number): { start: number; end: number } | null {
  let first = text.indexOf(quote.exact);
  if (first === -1) return null;
  if (text.indexOf(quote.exact, first + 1) === -1) return { start: first, end: first + quote.exact.length };
  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint });
  if (match && match.errors === 0) first = match.start;
  return { start: first, end: first + quote.exact.length };
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
