import { citePart, partAt, type DocumentPart } from '../../main/common/document-parts';
import type { Highlight } from '../../main/common/records';

/**
 * Where a passage is, cited as the exports cite it: the page it starts on by its printed label
 * ("p. 12"), or its chapter's title in a book. Null for an orphaned passage, which has no place,
 * and in a document without parts.
 */
export function placeCitation(parts: readonly DocumentPart[] | undefined, highlight: Pick<Highlight, 'start' | 'status' | 'area'>): string | null {
  if (!parts || highlight.status === 'orphaned') return null;
  // An area is on its page; its empty text range cannot say which (a scan's pages all start at 0).
  if (highlight.area) {
    const page = parts[highlight.area.page - 1];
    return page ? citePart(page) : null;
  }
  const part = partAt(parts, highlight.start);
  return part ? citePart(part) : null;
}
