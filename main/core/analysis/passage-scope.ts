import type { PassageFilter } from '../../common/network';
import { getCollection } from '../collections/collection-repo';
import { getDocumentSummary } from '../documents/document-repo';
import type { Library } from '../db/library';
import { gradeConditions } from '../highlights/grade-conditions';

export type Param = string | number;

/**
 * The live passages the filter takes in, as SQL over `h` (highlights) and `d` (documents). A
 * partial date compares as text: "2012-03-14" >= "2012-03", and the upper bound is compared on
 * the bound's own length, so "2012" as the end takes in every day of 2012.
 */
export function passageScope(filter: PassageFilter): { where: string; params: Param[] } {
  const conditions = ['h.deleted_at IS NULL'];
  const params: Param[] = [];
  if (filter.documentId !== undefined) {
    conditions.push('h.document_id = ?');
    params.push(filter.documentId);
  }
  if (filter.collectionId !== undefined) {
    conditions.push('h.document_id IN (SELECT document_id FROM document_collections WHERE collection_id = ?)');
    params.push(filter.collectionId);
  }
  if (filter.publishedFrom !== undefined) {
    conditions.push('d.published IS NOT NULL AND d.published >= ?');
    params.push(filter.publishedFrom);
  }
  if (filter.publishedTo !== undefined) {
    conditions.push('d.published IS NOT NULL AND substr(d.published, 1, ?) <= ?');
    params.push(filter.publishedTo.length, filter.publishedTo);
  }
  for (const grade of gradeConditions(filter)) {
    conditions.push(grade.sql);
    params.push(...grade.params);
  }
  return { where: conditions.join(' AND '), params };
}

/** A filter naming a document or collection that is gone is an error, not an empty answer that would look like "nothing coded". */
export function assertScopeExists(library: Library, filter: PassageFilter): void {
  if (filter.documentId !== undefined) getDocumentSummary(library, filter.documentId);
  if (filter.collectionId !== undefined) getCollection(library, filter.collectionId);
}
