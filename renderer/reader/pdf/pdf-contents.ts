import type { OutlineEntry } from '../../../main/common/document-parts';
import type { ContentsRow } from '../ContentsMenu';

export interface PdfContentsRow extends ContentsRow {
  /** 1-based, as pdf.js and the page box count. */
  pageNumber: number;
}

/**
 * A PDF's outline as the rows of one list, in reading order. An entry pointing nowhere in this
 * file (a broken or remote destination) is left out, but its children, which may point well, are kept.
 */
export function pdfContentsRows(entries: readonly OutlineEntry[], level = 1): PdfContentsRow[] {
  return entries.flatMap((entry) => {
    const own = entry.part === null ? [] : [{ title: entry.title, level, pageNumber: entry.part + 1 }];
    return [...own, ...pdfContentsRows(entry.items, entry.part === null ? level : level + 1)];
  });
}
