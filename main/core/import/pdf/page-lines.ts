/** What page-lines.ts needs of a pdf.js text item (TextItem in pdf.js's types). */
export interface PdfTextItem {
  str: string;
  dir: string;
  /** [a, b, c, d, x, y]: the text's matrix; x and y are where it starts, in page units. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** One line of a page as it reads: its text and where it stands (for paragraphs and the title). */
export interface PdfLine {
  text: string;
  /** The baseline's height on the page (PDF units grow upward). */
  y: number;
  /** The left edge of its first item. */
  x: number;
  /** The largest font size on the line. */
  size: number;
}

/**
 * Joins a page's text items into lines in the order pdf.js gives them, which is the content
 * stream's: column by column in a two-column paper, as its author's software wrote it. A line ends
 * where pdf.js says (`hasEOL`) or where the next item stands on another baseline. Right-to-left
 * items are already in logical order (pdf.js applies the bidi algorithm per item), so joining in
 * stream order keeps Hebrew and Arabic as they read.
 */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let previous: PdfTextItem | null = null;
  const finish = () => {
    if (current && current.text.trim().length > 0) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() });
    current = null;
  };
  for (const item of items) {
    const size = fontSize(item);
    if (current && previous && onAnotherLine(previous, item)) finish();
    if (item.str.length > 0) {
      if (!current) current = { text: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, size };
      else {
        current.text += needsSpace(previous, item, current.text) ? ` ${item.str}` : item.str;
        current.size = Math.max(current.size, size);
      }
    }
    if (item.hasEOL) finish();
    if (item.str.length > 0 || item.hasEOL) previous = item;
  }
  finish();
  return lines;
}

/** The font's size on the page: the matrix's vertical scale (height is 0 for some empty items). */
function fontSize(item: PdfTextItem): number {
  const [, b = 0, , d = 0] = item.transform;
  return Math.hypot(b, d) || item.height;
}

/** A baseline more than half a font size away is another line (superscripts stay on theirs). */
function onAnotherLine(previous: PdfTextItem, next: PdfTextItem): boolean {
  if (previous.str.length === 0 || next.str.length === 0) return false;
  const size = Math.max(fontSize(previous), fontSize(next), 1);
  return Math.abs((previous.transform[5] ?? 0) - (next.transform[5] ?? 0)) > size * 0.6;
}

/**
 * pdf.js puts the spaces it finds into the items' text; a word set as two items with a gap
 * between them and no space in either gets one here. Right-to-left runs are measured leftward.
 */
function needsSpace(previous: PdfTextItem | null, next: PdfTextItem, soFar: string): boolean {
  if (!previous || /\s$/.test(soFar) || /^\s/.test(next.str)) return false;
  const size = Math.max(fontSize(previous), fontSize(next), 1);
  const previousStart = previous.transform[4] ?? 0;
  const nextStart = next.transform[4] ?? 0;
  const gap = next.dir === 'rtl' ? previousStart - (nextStart + next.width) : nextStart - (previousStart + previous.width);
  return gap > size * 0.15;
}
