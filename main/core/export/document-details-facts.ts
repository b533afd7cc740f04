import { gradeText } from '../../common/admiralty';
import type { Collection, DocumentSummary, Highlight } from '../../common/records';

/** Collection names by id, as exports name a document's collections. */
export type CollectionNames = ReadonlyMap<number, string>;

export const collectionNames = (collections: readonly Collection[]): CollectionNames => new Map(collections.map((c) => [c.id, c.name]));

/**
 * A document's bibliographic details as label and value, in citation order, for every export that
 * writes them as text (Markdown, HTML): only those it has. The authors stand for the byline once
 * there are any; before, the byline the page printed is all there is.
 */
export function documentDetailFacts(document: DocumentSummary, collections: CollectionNames = new Map()): Array<[label: string, value: string]> {
  const facts: Array<[string, string]> = [];
  if (document.authors.length > 0) facts.push([document.authors.length > 1 ? 'Authors' : 'Author', document.authors.join('; ')]);
  else if (document.byline) facts.push(['By', document.byline]);
  if (document.published) facts.push(['Published', document.published]);
  if (document.publisher) facts.push(['Publisher', document.publisher]);
  if (document.language) facts.push(['Language', document.language]);
  if (document.citation) facts.push(['Cite as', document.citation]);
  if (document.tags.length > 0) facts.push(['Tags', document.tags.join(', ')]);
  const inCollections = document.collectionIds.map((id) => collections.get(id)).filter((name): name is string => name !== undefined);
  if (inCollections.length > 0) facts.push(['Collections', inCollections.join(', ')]);
  const grade = gradeText(document.reliability ?? null, document.credibility ?? null);
  if (grade !== null) facts.push(['Source grade', grade]);
  return facts;
}

/**
 * A passage's grade, "B3 (Usually reliable, possibly true)", when it carries a credibility of its
 * own: otherwise it is its document's, which the document's facts already give.
 */
export function passageGradeFact(highlight: Pick<Highlight, 'credibility' | 'grade'>): string | null {
  if ((highlight.credibility ?? null) === null || !highlight.grade) return null;
  return gradeText(highlight.grade.reliability, highlight.grade.credibility);
}

/** A tag as Obsidian reads one: no spaces, none of the characters that end a tag. */
export function obsidianTag(tag: string): string {
  return tag.replace(/[\s,;:!?."'()[\]{}<>|\\^`~@$%&*=+]+/g, '-').replace(/^-+|-+$/g, '').replace(/^#+/, '') || 'tag';
}
