import { citePart, partAt, type DocumentPart } from '../../../main/common/document-parts';
import type { Highlight } from '../../../main/common/records';

/**
 * The page a passage starts on, cited as the exports cite it ("p. 12", by the printed label), or
 * null: an orphaned passage has no place, and only a PDF's parts are pages.
 */
export function pageCitation(parts: readonly DocumentPart[] | undefined, highlight: Pick<Highlight, 'start' | 'status'>): string | null {
  if (!parts || highlight.status === 'orphaned') return null;
  const part = partAt(parts, highlight.start);
  return part?.kind === 'page' ? citePart(part) : null;
}
