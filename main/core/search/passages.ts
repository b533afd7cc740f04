/**
 * How a document's plain text is cut into the passages the search index holds. A passage is a
 * block (the text between blank lines, as normaliseDocument writes it) or a run of short blocks,
 * never longer than MAX_PASSAGE: FTS5 re-reads and re-tokenises a row to make its snippet, so the
 * size of a row bounds the time a snippet takes, however long the book it comes from.
 */
export interface Passage {
  /** Offsets into the document's text (UTF-16 code units, as highlights count). */
  start: number;
  end: number;
}

export const MAX_PASSAGE = 1_500;

const BLOCK_BREAK = /\n[ \t]*\n\s*/g;
/** After a sentence's closing punctuation (and any closing quote or bracket) and its space. */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;

export function splitPassages(text: string): Passage[] {
  const passages: Passage[] = [];
  let open: Passage | null = null;
  const flush = () => {
    if (open) passages.push(open);
    open = null;
  };
  for (const block of blocksOf(text)) {
    for (const piece of block.end - block.start > MAX_PASSAGE ? piecesOf(text, block) : [block]) {
      if (open && piece.end - open.start <= MAX_PASSAGE) {
        open.end = piece.end;
      } else {
        flush();
        open = { ...piece };
      }
    }
  }
  flush();
  // A document with no text is still found by its title: it needs a row to carry the title.
  return passages.length > 0 ? passages : [{ start: 0, end: 0 }];
}

/** Non-empty blocks (paragraphs, headings, list items), their separators left out. */
export function blocksOf(text: string): Passage[] {
  const blocks: Passage[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ start, end });
  };
  for (const brk of text.matchAll(BLOCK_BREAK)) {
    push(from, brk.index);
    from = brk.index + brk[0].length;
  }
  push(from, text.length);
  return blocks;
}

/**
 * A block too long for one passage, cut after sentences; a sentence still too long is cut at
 * a space, and a run with no space at all at MAX_PASSAGE (never inside a surrogate pair).
 */
function piecesOf(text: string, block: Passage): Passage[] {
  const pieces: Passage[] = [];
  let start = block.start;
  while (block.end - start > MAX_PASSAGE) {
    const limit = start + MAX_PASSAGE;
    const end = lastSentenceEnd(text, start, limit) ?? lastSpace(text, start, limit) ?? safeCut(text, limit);
    pieces.push({ start, end: trimEnd(text, start, end) });
    start = end;
    while (start < block.end && /\s/.test(text[start]!)) start++;
  }
  if (block.end > start) pieces.push({ start, end: block.end });
  return pieces;
}

function lastSentenceEnd(text: string, start: number, limit: number): number | null {
  // Searched within the window only: a long run without punctuation must not be rescanned per cut.
  const window = text.slice(start, limit);
  let best: number | null = null;
  for (const m of window.matchAll(SENTENCE_END)) best = start + m.index + m[0].length;
  // A cut right at the start would make no progress.
  return best !== null && best > start ? best : null;
}

function lastSpace(text: string, start: number, limit: number): number | null {
  const at = text.lastIndexOf(' ', limit);
  return at > start ? at + 1 : null;
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
