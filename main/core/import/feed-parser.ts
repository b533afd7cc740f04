import type { Parser, TreeAdapterTypeMap } from 'parse5';

/*
 * parse5 holds the input it has not yet dropped as one string, and drops what it has read only
 * once it is past its waterline (64K characters by default). Fed 64 KB pieces, that string
 * reached 128 KB and more: the size at which V8 allocates straight into the old generation, so
 * every piece of a book-length page was garbage that only a full collection could free, and a
 * 7 MB page grew the heap by 40 MB in one pass. Small pieces and a low waterline keep the string
 * small enough to die young.
 */

/** Characters parse5 keeps behind its position before it drops them. */
const KEPT_INPUT = 4 * 1024;

/** Writes a page through the parser a piece at a time, then ends it. */
export function feedPage<T extends TreeAdapterTypeMap>(parser: Parser<T>, readPage: () => Iterable<string>): void {
  parser.tokenizer.preprocessor.bufferWaterline = KEPT_INPUT;
  for (const piece of readPage()) parser.tokenizer.write(piece, false);
  parser.tokenizer.write('', true);
}
