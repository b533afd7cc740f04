import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../main/common/records';
import { documentsInView, formatPublished, isDocumentSort, shortAuthors } from './library-view';

let nextId = 1;
function doc(title: string, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  const id = nextId++;
  return {
    id,
    uid: `u${id}`,
    title,
    byline: null,
    sourceUrl: null,
    fileName: null,
    format: 'html',
    wordCount: 100,
    importedAt: `2026-01-0${id}T00:00:00.000Z`,
    updatedAt: `2026-01-0${id}T00:00:00.000Z`,
    authors: [],
    published: null,
    publisher: null,
    language: null,
    citation: null,
    tags: [],
    collectionIds: [],
    lastOpenedAt: null,
    ...fields,
  };
}

const convoy = doc('Convoy log', { authors: ['Zoe Adams'], published: '2019', tags: ['Sahel'], collectionIds: [1] });
const brief = doc('A panel brief', { authors: ['Ben Carter'], published: '2021-03', tags: ['sahel', 'UN'], collectionIds: [1, 2] });
const market = doc('Market notes', { published: '2020-05-14', tags: ['Trade'] });
const all = [convoy, brief, market];
const titles = (documents: DocumentSummary[]) => documents.map((d) => d.title);

describe('the documents the Library shows', () => {
  it('orders them as chosen: titles and authors A to Z, dates newest first, the undated last', () => {
    expect(titles(documentsInView(all, { sort: 'title', collectionId: null, tag: null }))).toEqual(['A panel brief', 'Convoy log', 'Market notes']);
    // By surname: Adams before Carter; a document without authors comes last.
    expect(titles(documentsInView(all, { sort: 'author', collectionId: null, tag: null }))).toEqual(['Convoy log', 'A panel brief', 'Market notes']);
    expect(titles(documentsInView(all, { sort: 'published', collectionId: null, tag: null }))).toEqual(['A panel brief', 'Market notes', 'Convoy log']);
    expect(titles(documentsInView(all, { sort: 'added', collectionId: null, tag: null }))).toEqual(['Market notes', 'A panel brief', 'Convoy log']);
  });

  it('narrows them to a collection, to a tag whatever its case, or to both', () => {
    expect(titles(documentsInView(all, { sort: 'title', collectionId: 1, tag: null }))).toEqual(['A panel brief', 'Convoy log']);
    expect(titles(documentsInView(all, { sort: 'title', collectionId: 2, tag: null }))).toEqual(['A panel brief']);
    expect(titles(documentsInView(all, { sort: 'title', collectionId: null, tag: 'SAHEL' }))).toEqual(['A panel brief', 'Convoy log']);
    expect(titles(documentsInView(all, { sort: 'title', collectionId: 2, tag: 'Trade' }))).toEqual([]);
  });

  it('keeps only the sorts it knows from storage', () => {
    expect(isDocumentSort('author')).toBe(true);
    expect(isDocumentSort('colour')).toBe(false);
    expect(isDocumentSort(null)).toBe(false);
  });
});

describe('a document’s details in its row', () => {
  it('names authors by surname, three or more as “et al.”', () => {
    expect(shortAuthors([])).toBeNull();
    expect(shortAuthors(['Jane Doe'])).toBe('Doe');
    expect(shortAuthors(['Doe, Jane', 'John Smith'])).toBe('Doe and Smith');
    expect(shortAuthors(['Jane Doe', 'John Smith', 'Ann Lee'])).toBe('Doe et al.');
  });

  it('says a partial date to the precision it has', () => {
    expect(formatPublished(null)).toBeNull();
    expect(formatPublished('2012')).toBe('2012');
    expect(formatPublished('2012-03')).toMatch(/2012/);
    expect(formatPublished('2012-03')).not.toMatch(/\b1\b/);
    expect(formatPublished('2012-03-14')).toMatch(/14/);
  });
});
