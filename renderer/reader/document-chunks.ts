/*
 * A book is put on the page a chunk at a time (chunked-article.ts). The sanitised document's
 * top-level nodes are grouped, in order, into chunks of about the same amount of text; a chunk
 * never splits a node, so each chunk's text is exactly its nodes' text and the chunks' texts,
 * one after another, are the document's. Where each chunk starts in that text is counted here.
 */

export interface Chunk {
  /** The chunk's top-level nodes, in the sanitised document (which is never shown itself). */
  nodes: Node[];
  /** Where the chunk's text starts and ends in the document's text. */
  start: number;
  end: number;
}

export interface ChunkPlan {
  chunks: Chunk[];
  /** The document's text length: the last chunk's end. */
  length: number;
  /** Which chunk holds the element with each id (the targets of in-document links). */
  chunkOfId: Map<string, number>;
}

/** About a screenful and a half of running text at the reader's measure. */
export const CHUNK_CHARACTERS = 4_000;

/** Groups the fragment's top-level nodes into chunks of at least `size` characters (the last may be shorter). */
export function planChunks(fragment: DocumentFragment, size = CHUNK_CHARACTERS): ChunkPlan {
  const chunks: Chunk[] = [];
  const chunkOfId = new Map<string, number>();
  let current: Chunk | null = null;
  let offset = 0;
  for (const node of Array.from(fragment.childNodes)) {
    if (!current) {
      current = { nodes: [], start: offset, end: offset };
      chunks.push(current);
    }
    current.nodes.push(node);
    offset += node.textContent?.length ?? 0;
    current.end = offset;
    if (node instanceof Element) {
      if (node.id) chunkOfId.set(node.id, chunks.length - 1);
      for (const element of Array.from(node.querySelectorAll('[id]'))) chunkOfId.set(element.id, chunks.length - 1);
    }
    if (current.end - current.start >= size && !headingFollows(node)) current = null;
  }
  return { chunks, length: offset, chunkOfId };
}

/**
 * A chunk never ends just before a heading, so a heading starts no chunk. A chunk is laid out on
 * its own (content-visibility), so margins do not collapse across its edge, and a heading's wide
 * top margin would add to the bottom margin of the paragraph above it.
 */
function headingFollows(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  return /^H[1-6]$/.test(node.nextElementSibling?.tagName ?? '');
}

/** The chunks whose text overlaps [start, end), as a range of indices; a point (start = end) is in one chunk. */
export function chunksCovering(chunks: readonly Chunk[], start: number, end: number): { first: number; last: number } | null {
  if (chunks.length === 0) return null;
  const first = chunkAt(chunks, start);
  const last = end > start ? chunkAt(chunks, end - 1) : first;
  return { first, last: Math.max(first, last) };
}

/** The chunk holding the character at this offset (the last chunk for an offset at or past the end). */
function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (chunks[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
