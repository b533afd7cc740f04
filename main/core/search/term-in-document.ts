import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { foldCharacters } from '../../common/fold-text';
import { wordTokens } from '../text/word-tokens';
import type { PositiveTerm } from './translate-query';

/** A document's passages: their ids run from lo to hi (they are written together). */
export interface DocumentPassages {
  documentId: number;
  lo: number;
  hi: number;
}

/** The longest prefix FTS5 keeps an index of (migration 0020: prefix = '2 3 4'). */
const INDEXED_PREFIX = 4;
/** Passages read to look for a longer prefix in a document's text. */
const READ_PASSAGES = 8;
/** Checks of a longer prefix by FTS5 itself, per search, when reading passages did not settle it. */
const EXACT_PREFIX_CHECKS = 3;

/**
 * Whether a document's passages hold a term. A whole word is one seek in its list, limited to the
 * document's range of ids. A prefix longer than the indexed ones ("nouakch*") makes FTS5 merge the
 * lists of every word it begins, for each query whatever the range: over a millisecond for a
 * common word, for each document checked. So the word as typed is tried first (usually it is
 * whole), then the passages holding its indexed first four letters are read (if there are none,
 * the prefix is absent too), and only when there are many of them does FTS5 match the prefix, a
 * few times per search.
 */
export function termInDocument(library: Library): (term: PositiveTerm, passages: DocumentPassages) => boolean {
  // The document's own passages are checked too: an id in the range may belong to another document.
  const holds = prepare<[string, number, number, number], { found: number }>(
    library.db,
    `SELECT 1 AS found FROM documents_fts JOIN document_passages p ON p.id = documents_fts.rowid
     WHERE documents_fts MATCH ? AND documents_fts.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND p.document_id = ?
     LIMIT 1`,
  );
  const read = prepare<[string, number, number, number, number], { title: string; text: string }>(
    library.db,
    `SELECT d.title, p.text FROM documents_fts JOIN document_passages p ON p.id = documents_fts.rowid JOIN documents d ON d.id = p.document_id
     WHERE documents_fts MATCH ? AND documents_fts.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND p.document_id = ?
     LIMIT ?`,
  );
  let exactChecks = 0;
  return (term, { documentId, lo, hi }) => {
    const within = (expression: string) => holds.get(expression, lo, hi, documentId) !== undefined;
    const last = Array.from(term.words.at(-1)!);
    if (!term.prefix || last.length <= INDEXED_PREFIX) return within(term.match);
    if (within(`"${term.words.join(' ')}"`)) return true;
    const indexed = `"${[...term.words.slice(0, -1), last.slice(0, INDEXED_PREFIX).join('')].join(' ')}"*`;
    const passages = read.all(indexed, lo, hi, documentId, READ_PASSAGES);
    if (passages.some(({ title, text }) => textHolds(title, term) || textHolds(text, term))) return true;
    if (passages.length < READ_PASSAGES) return false;
    return exactChecks++ < EXACT_PREFIX_CHECKS && within(term.match);
  };
}

/** The term's words in a row, the last as a prefix, compared folded as snippets compare them. */
export function textHolds(text: string, term: Pick<PositiveTerm, 'words' | 'prefix'>): boolean {
  const words = term.words.map((word) => foldCharacters(word));
  const tokens = wordTokens(text);
  const matches = (token: string, k: number) => (term.prefix && k === words.length - 1 ? token.startsWith(words[k]!) : token === words[k]);
  return tokens.some((_, i) => words.every((_word, k) => tokens[i + k] !== undefined && matches(tokens[i + k]!.word, k)));
}
