import type { Library } from '../db/library';
import { prepare } from '../db/prepare';

/**
 * Puts a document's area highlights back on their pages once its file has been replaced: each
 * stays on the page of the same number, at that page's first offset in the new text (where its
 * citation and its place in reading order are read); one past the new last page is orphaned, as a
 * passage whose words are gone. A deleted one moves too, so an undo brings it back in its place.
 * Answers each area's new status, for the replace report.
 */
export function moveAreasToPages(library: Library, documentId: number, pages: ReadonlyArray<{ startOffset: number }>): Array<'exact' | 'orphaned'> {
  const areas = prepare<[number], { id: number; area_page: number }>(
    library.db,
    'SELECT id, area_page FROM highlights WHERE document_id = ? AND area_page IS NOT NULL',
  ).all(documentId);
  const orphan = prepare<[number]>(library.db, "UPDATE highlights SET anchor_status = 'orphaned' WHERE id = ?");
  const place = prepare<[number, number, number]>(library.db, "UPDATE highlights SET anchor_status = 'exact', position_start = ?, position_end = ? WHERE id = ?");
  return areas.map(({ id, area_page: pageNumber }) => {
    const page = pages[pageNumber - 1];
    if (!page) {
      orphan.run(id);
      return 'orphaned';
    }
    place.run(page.startOffset, page.startOffset, id);
    return 'exact';
  });
}
