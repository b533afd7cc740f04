/**
 * Highlights are stored as offsets into the document's plain text, which is exactly the
 * article's textContent once all of it is on the page. This maps between those offsets and DOM
 * ranges by counting the article's text nodes in document order, the same order textContent
 * concatenates them in.
 *
 * A long document is put on the page in chunks (reader/chunked-article.ts): each chunk is a child
 * of the article marked with where its text starts and ends in the document, and a chunk not yet
 * filled holds no text. Its nodes are counted from its own start, so offsets stay the document's
 * whatever has been filled so far, and a span in an empty chunk has no range until it is filled.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** On each chunk of a chunked article: where the chunk's text starts and ends in the document's. */
export const CHUNK_START_ATTRIBUTE = 'data-text-start';
export const CHUNK_END_ATTRIBUTE = 'data-text-end';

/** What trimSpan reads: a string, or the article's text through its index. */
export interface CharSource {
  readonly length: number;
  charAt(offset: number): string;
}

/** Between the document's text offsets and what shows them on screen: an article's text, or a PDF's text layers. */
export interface TextMap extends CharSource {
  offsetOf(container: Node, offset: number): number;
  spanOf(range: Range): TextSpan;
  rangeOf(start: number, end: number): Range | null;
  /**
   * The first offset at or below a height of the screen, for a view that cannot measure text it
   * has not drawn (a PDF's pages far from view); an article measures its ranges instead.
   */
  firstOffsetBelow?(top: number): number;
}

/** Views whose text is not simply their text nodes in order (a PDF's pages) say how theirs maps. */
const registeredMaps = new WeakMap<Node, TextMap>();

export function registerTextMap(root: Node, map: TextMap | null): void {
  if (map) registeredMaps.set(root, map);
  else registeredMaps.delete(root);
}

export function registeredTextMap(root: Node): TextMap | null {
  return registeredMaps.get(root) ?? null;
}

/** How offsets map in this root: as it registered, else by counting its text nodes. */
export function textMapOf(root: Node): TextMap {
  return registeredMaps.get(root) ?? new TextIndex(root);
}

/** The article's text nodes and where each begins in its text, built once per paint or selection. */
export class TextIndex implements TextMap {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  readonly length: number;

  constructor(readonly root: Node) {
    const first = root.firstChild;
    if (first instanceof Element && first.hasAttribute(CHUNK_START_ATTRIBUTE)) {
      let end = 0;
      for (let chunk = root.firstChild; chunk; chunk = chunk.nextSibling) {
        if (!(chunk instanceof Element)) continue;
        this.collect(chunk, Number(chunk.getAttribute(CHUNK_START_ATTRIBUTE)));
        end = Number(chunk.getAttribute(CHUNK_END_ATTRIBUTE));
      }
      this.length = end;
    } else {
      this.length = this.collect(root, 0);
    }
  }

  private collect(root: Node, from: number): number {
    const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let total = from;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      this.nodes.push(text);
      this.starts.push(total);
      total += text.length;
    }
    return total;
  }

  /** The character at this offset, or '' where the text is not on the page (yet). */
  charAt(offset: number): string {
    const index = this.nodeAt(offset, 'after');
    if (index < 0) return '';
    const within = offset - this.starts[index]!;
    const node = this.nodes[index]!;
    return within >= 0 && within < node.length ? node.data.charAt(within) : '';
  }

  /**
   * The text offset of a DOM boundary point. Points before the root count as 0 and points after it
   * as its length, so a selection that runs past the article's edges is clipped to it.
   */
  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === Node.TEXT_NODE) {
      const index = this.nodes.indexOf(container as Text);
      if (index >= 0) return this.starts[index]! + Math.min(offset, (container as Text).length);
    }
    const point = this.root.ownerDocument!.createRange();
    if (!this.root.contains(container)) {
      point.selectNodeContents(this.root);
      return point.comparePoint(container, offset) < 0 ? 0 : this.length;
    }
    // A point in a chunk still empty is at that chunk's start.
    const element = container instanceof Element ? container : container.parentElement;
    const chunk = element?.closest(`[${CHUNK_START_ATTRIBUTE}]`);
    if (chunk && chunk.parentNode === this.root && !chunk.hasChildNodes()) return Number(chunk.getAttribute(CHUNK_START_ATTRIBUTE));
    point.setStart(container, offset);
    // Text nodes wholly before the point count in full; the first one after it ends the count.
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const node = this.nodes[middle]!;
      if (point.comparePoint(node, node.length) <= 0) low = middle + 1;
      else high = middle;
    }
    return low < this.nodes.length ? this.starts[low]! : this.length;
  }

  /** The text span a range covers within the root. */
  spanOf(range: Range): TextSpan {
    return { start: this.offsetOf(range.startContainer, range.startOffset), end: this.offsetOf(range.endContainer, range.endOffset) };
  }

  /**
   * A DOM range over [start, end). A start on a node boundary goes into the following node and an
   * end into the preceding one, so the range never reaches into text it does not cover.
   */
  rangeOf(start: number, end: number): Range | null {
    if (start < 0 || end > this.length || end <= start) return null;
    const startIndex = this.nodeAt(start, 'after');
    const endIndex = this.nodeAt(end, 'before');
    if (startIndex < 0 || endIndex < 0) return null;
    // Either end in a chunk still empty: the nearest node found holds other text.
    if (this.starts[startIndex]! > start || this.starts[endIndex]! + this.nodes[endIndex]!.length < end) return null;
    const range = this.root.ownerDocument!.createRange();
    range.setStart(this.nodes[startIndex]!, start - this.starts[startIndex]!);
    range.setEnd(this.nodes[endIndex]!, end - this.starts[endIndex]!);
    return range;
  }

  private nodeAt(offset: number, side: 'before' | 'after'): number {
    // The last node whose start is at most the offset (strictly less, for an end).
    let low = 0;
    let high = this.nodes.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.starts[middle]!;
      if (side === 'after' ? start <= offset : start < offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return -1;
    // Empty text nodes at the same start would give a range that starts in nothing; step past them.
    if (side === 'after') {
      while (found < this.nodes.length - 1 && this.starts[found]! + this.nodes[found]!.length <= offset) found++;
    }
    return found;
  }
}

/**
 * Shrinks a span past leading and trailing whitespace; null when nothing but whitespace is left,
 * since such a highlight would mark nothing a reader could see.
 */
export function trimSpan(text: CharSource, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}
