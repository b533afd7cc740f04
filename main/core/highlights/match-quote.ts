import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start, to choose among equally good matches. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the matched text. */
  errors: number;
  /** 0..1, the weighted agreement of quote, prefix, suffix and position. */
  score: number;
}

/**
 * Below this share of edits in the quote itself a match is not the same passage any more. A
 * quarter is stricter than Hypothesis's half: an analyst would rather see an orphan to re-place
 * than a highlight quietly moved onto different words.
 */
const MAX_ERROR_RATE = 0.25;
/** Context can pick among candidates, but a candidate this poor overall is refused. */
const MIN_SCORE = 0.6;
/**
 * A short quote is mostly its context: "Mali" with unrelated words around it is another mention,
 * not the highlighted one. Random prose agrees with a context about a third of the way.
 */
const MIN_CONTEXT_FOR_SHORT_QUOTES = 0.4;
const SHORT_QUOTE = 64;

function search(text: string, pattern: string, maxErrors: number): Array<{ start: number; end: number; errors: number }> {
  const exact: Array<{ start: number; end: number; errors: number }> = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  if (exact.length > 0 || maxErrors < 1) return exact;
  return approxSearch(text, pattern, maxErrors);
}

/** How alike two short strings are, 0..1, by edit distance. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  const best = matches.reduce((min, m) => Math.min(min, m.errors), pattern.length);
  return 1 - best / pattern.length;
}

/**
 * Finds the best place for `quote` in `text`: exact occurrences first, then approximate ones
 * within the error budget, each scored by the quote, its prefix and suffix, and the position hint.
 * Returns null when nothing is good enough: the caller reports an orphan rather than guessing.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(quote.length * MAX_ERROR_RATE));
  const found = search(text, quote, maxErrors);
  if (found.length === 0) return null;
  // The approximate search reports every near end position; only the closest few are worth scoring.
  const fewest = found.reduce((min, m) => Math.min(min, m.errors), Infinity);
  const candidates = found.filter((m) => m.errors <= fewest + 2);

  const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };
  const total = weights.quote + weights.prefix + weights.suffix + weights.position;
  let best: (QuoteMatch & { context: number }) | null = null;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = context.prefix
      ? similarity(text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? similarity(text.slice(candidate.end, candidate.end + context.suffix.length), context.suffix)
      : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(candidate.start - context.hint) / Math.max(1, text.length);
    const score =
      (weights.quote * quoteScore + weights.prefix * prefixScore + weights.suffix * suffixScore + weights.position * positionScore) /
      total;
    if (!best || score > best.score) best = { ...candidate, score, context: (prefixScore + suffixScore) / 2 };
  }
  if (!best || best.score < MIN_SCORE) return null;
  if (quote.length < SHORT_QUOTE && (context.prefix || context.suffix) && best.context < MIN_CONTEXT_FOR_SHORT_QUOTES) return null;
  return { start: best.start, end: best.end, errors: best.errors, score: best.score };
}
