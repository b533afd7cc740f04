import type { DocumentPart } from '../../../main/common/document-parts';
import { alignedSpan, alignLayerText, layerSpan, type LayerAlignment } from '../../../main/common/pdf-text-alignment';
import type { TextMap, TextSpan } from '../../highlights/text-offsets';

/** One drawn page's text layer: its text nodes, where each starts in the layer's text, and the alignment. */
interface PageLayer {
  pageNumber: number;
  div: HTMLElement;
  nodes: Text[];
  nodeStarts: number[];
  length: number;
  alignment: LayerAlignment;
  part: DocumentPart;
}

/**
 * The document's text offsets on a PDF's drawn pages, through the text layers pdf.js puts over
 * them (see main/common/pdf-text-alignment.ts). pdf.js draws pages as they come into view and lets
 * go of them as they leave, so a span on pages not drawn has no range until they are: painting
 * runs again each time a layer is drawn.
 */
export class PdfTextMap implements TextMap {
  private readonly pages = new Map<number, PageLayer>();

  constructor(
    private readonly text: string,
    private readonly parts: readonly DocumentPart[],
  ) {}

  get length(): number {
    return this.text.length;
  }

  charAt(offset: number): string {
    return this.text.charAt(offset);
  }

  /** Called when pdf.js has drawn a page's text layer (again: a zoom or a page that came back into view). */
  addPage(pageNumber: number, div: HTMLElement): void {
    const part = this.parts[pageNumber - 1];
    if (!part || part.kind !== 'page') return;
    const nodes: Text[] = [];
    const nodeStarts: number[] = [];
    let layerText = '';
    const walker = div.ownerDocument.createTreeWalker(div, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      nodeStarts.push(layerText.length);
      layerText += (node as Text).data;
    }
    const alignment = alignLayerText(layerText, this.text, part.startOffset, part.endOffset);
    this.pages.set(pageNumber, { pageNumber, div, nodes, nodeStarts, length: layerText.length, alignment, part });
  }

  /** The drawn pages, in order; a layer pdf.js has since taken off the page is forgotten. */
  private drawnPages(): PageLayer[] {
    for (const [number, page] of this.pages) if (!page.div.isConnected) this.pages.delete(number);
    return [...this.pages.values()].sort((a, b) => a.pageNumber - b.pageNumber);
  }

  firstOffsetBelow(top: number): number {
    const page = this.drawnPages().find((drawn) => drawn.div.getBoundingClientRect().bottom > top);
    return page ? page.part.startOffset : 0;
  }

  offsetOf(container: Node, offset: number): number {
    return this.boundary(container, offset, 'start');
  }

  spanOf(range: Range): TextSpan {
    return { start: this.boundary(range.startContainer, range.startOffset, 'start'), end: this.boundary(range.endContainer, range.endOffset, 'end') };
  }

  rangeOf(start: number, end: number): Range | null {
    if (end <= start) return null;
    let first: { page: PageLayer; unit: number } | null = null;
    let last: { page: PageLayer; unit: number } | null = null;
    for (const page of this.drawnPages()) {
      if (page.part.endOffset <= start || page.part.startOffset >= end) continue;
      const units = layerSpan(page.alignment, start, end);
      if (!units) continue;
      first ??= { page, unit: units.from };
      last = { page, unit: units.to };
    }
    if (!first || !last) return null;
    const range = first.page.div.ownerDocument.createRange();
    const from = position(first.page, first.unit, 'after');
    const to = position(last.page, last.unit, 'before');
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * A selection's end point as an offset in the document's text. Inside a page's layer it is the
   * next character's start (for a start) or the previous one's end (for an end); off the text (the
   * margin between pages, a page still being drawn) it is the nearest drawn text's edge that way.
   */
  private boundary(container: Node, offset: number, side: 'start' | 'end'): number {
    const pages = this.drawnPages();
    const point = container.ownerDocument!.createRange();
    point.setStart(container, offset);
    for (const page of pages) {
      if (page.div.contains(container)) return this.offsetInPage(page, unitAt(page, container, offset, point), side);
    }
    // Off every layer: the first page after the point (for a start) or the last before it (for an end).
    const after = pages.find((page) => point.comparePoint(page.div, 0) >= 0);
    if (side === 'start') return after ? this.offsetInPage(after, 0, 'start') : this.text.length;
    const before = pages.filter((page) => point.comparePoint(page.div, page.div.childNodes.length) < 0).at(-1);
    return before ? this.offsetInPage(before, before.length, 'end') : 0;
  }

  private offsetInPage(page: PageLayer, unit: number, side: 'start' | 'end'): number {
    if (side === 'start') return alignedSpan(page.alignment, unit, page.length)?.start ?? page.part.endOffset;
    return alignedSpan(page.alignment, 0, unit)?.end ?? page.part.startOffset;
  }
}

/** The layer's text unit at a boundary point inside it: text nodes wholly before the point count in full. */
function unitAt(page: PageLayer, container: Node, offset: number, point: Range): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const index = page.nodes.indexOf(container as Text);
    if (index >= 0) return page.nodeStarts[index]! + Math.min(offset, (container as Text).length);
  }
  let low = 0;
  let high = page.nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const node = page.nodes[middle]!;
    if (point.comparePoint(node, node.length) <= 0) low = middle + 1;
    else high = middle;
  }
  return low < page.nodes.length ? page.nodeStarts[low]! : page.length;
}

/** The DOM point at a layer unit: a start goes into the node that follows it, an end stays in the one before. */
function position(page: PageLayer, unit: number, side: 'before' | 'after'): { node: Text; offset: number } {
  let index = 0;
  for (let i = 0; i < page.nodes.length; i++) {
    const start = page.nodeStarts[i]!;
    if (side === 'after' ? start <= unit : start < unit) index = i;
    else break;
  }
  const node = page.nodes[index]!;
  return { node, offset: Math.min(Math.max(unit - page.nodeStarts[index]!, 0), node.length) };
}
