/**
 * Turns what a person types into an FTS5 MATCH expression that can't be malformed. Every term is
 * quoted, so FTS5 operators and punctuation typed by accident ("AND", "(", "^", ":") are searched
 * as words, never parsed. "quoted phrases" stay phrases, -word excludes, and the last bare word
 * matches as a prefix once it has three letters, so results follow the typing.
 */
export interface TranslatedQuery {
  /** null when nothing positive is left to search for. */
  match: string | null;
  /** The words to mark in snippets and to look for in a document, lower-cased. */
  terms: string[];
  /** `match` without its exclusions, and the excluded terms as one expression, for passage indexes: a passage without the word may sit in a document with it. */
  positive: string | null;
  negative: string | null;
  /** The term matched as a prefix (the last word while typing), or null when every term is whole. */
  prefix: string | null;
  /** Each word or phrase sought, on its own: a document can hold them in different passages. */
  positiveTerms: PositiveTerm[];
}

export interface PositiveTerm {
  /** The term as an FTS5 expression. */
  match: string;
  /** Its words, lower-cased; the last one matched as a prefix when `prefix` is set. */
  words: string[];
  prefix: boolean;
}

interface Part {
  text: string;
  phrase: boolean;
  negated: boolean;
}

const MIN_PREFIX = 3;

export function translateQuery(typed: string, options: { prefixLastWord?: boolean } = {}): TranslatedQuery {
  // Text pasted from PDFs or macOS can carry accents as separate marks, which would split words.
  const input = typed.normalize('NFC');
  const parts = splitQuery(input);
  const positives: string[] = [];
  const negatives: string[] = [];
  const terms: string[] = [];
  const positiveTerms: PositiveTerm[] = [];
  let prefixTerm: string | null = null;
  const wordsOf = (part: Part) => part.text.match(/[\p{L}\p{N}]+/gu);
  const lastWithWords = parts.findLastIndex((part) => wordsOf(part) !== null);
  parts.forEach((part, index) => {
    const words = wordsOf(part);
    if (!words) return;
    const isLast = index === lastWithWords;
    // One or two letters would match a large part of any library; the prefix starts at three.
    const longEnough = (words.at(-1)?.length ?? 0) >= MIN_PREFIX;
    const prefix = options.prefixLastWord !== false && isLast && longEnough && !part.phrase && !part.negated && !/\s$/.test(input);
    const quoted = `"${words.join(' ')}"${prefix ? '*' : ''}`;
    (part.negated ? negatives : positives).push(quoted);
    if (prefix) prefixTerm = words.at(-1)!.toLowerCase();
    if (!part.negated) {
      terms.push(...words.map((w) => w.toLowerCase()));
      positiveTerms.push({ match: quoted, words: words.map((w) => w.toLowerCase()), prefix });
    }
  });
  if (positives.length === 0) return { match: null, terms: [], positive: null, negative: null, prefix: null, positiveTerms: [] };
  const match = [positives.join(' '), ...negatives.map((n) => `NOT ${n}`)].join(' ');
  return {
    match,
    terms,
    positive: positives.join(' '),
    negative: negatives.length > 0 ? negatives.join(' OR ') : null,
    prefix: prefixTerm,
    positiveTerms,
  };
}

/** Splits on whitespace outside quotes; an unclosed quote runs to the end of the query. */
function splitQuery(input: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i]!)) i++;
    if (i >= input.length) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? input.length : close;
      parts.push({ text: input.slice(i + 1, end), phrase: true, negated });
      i = end + 1;
    } else {
      let end = i;
      while (end < input.length && !/\s/.test(input[end]!) && input[end] !== '"') end++;
      parts.push({ text: input.slice(i, end), phrase: false, negated });
      i = end;
    }
  }
  return parts;
}
