import { describe, expect, it } from 'vitest';
import { authorsFromByline, canonicalLanguageTag, isLanguageTag, isPartialDate, languageFrom, partialDateFrom } from './document-details';
import { sortedDocuments } from './sort-orders';

describe('partial dates', () => {
  it('takes a year, a month or a day, and only real ones', () => {
    for (const date of ['2012', '2012-03', '2012-03-14', '2024-02-29', '0800']) expect(isPartialDate(date), date).toBe(true);
    for (const date of ['12', '2012-3', '2012-13', '2012-00', '2023-02-29', '2012-04-31', '2012-03-14T10:00', ' 2012', '2012/03']) {
      expect(isPartialDate(date), date).toBe(false);
    }
  });

  it('reads the date out of what a page says of when it was published, keeping what holds', () => {
    expect(partialDateFrom('2012-03-14T09:30:00+01:00')).toBe('2012-03-14');
    expect(partialDateFrom('2012-13-40')).toBe('2012');
    expect(partialDateFrom('2012-02-31')).toBe('2012-02');
    expect(partialDateFrom('March 2012')).toBeNull();
    expect(partialDateFrom(null)).toBeNull();
  });
});

describe('languages', () => {
  it('accepts BCP 47 tags in their usual shapes and writes them in canonical case', () => {
    for (const tag of ['en', 'fr-CA', 'zh-Hant-TW', 'es-419', 'de-CH-1996']) expect(isLanguageTag(tag), tag).toBe(true);
    for (const tag of ['english', 'e', 'en_US', 'fr-', '']) expect(isLanguageTag(tag), tag).toBe(false);
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(languageFrom('en_US')).toBe('en-US');
    expect(languageFrom('not a language')).toBeNull();
  });
});

describe('authors from a byline', () => {
  it('splits the plain joins and keeps the order', () => {
    expect(authorsFromByline('By Jane Doe and John Smith')).toEqual(['Jane Doe', 'John Smith']);
    expect(authorsFromByline('Aïcha Traoré, Moussa Diallo & Lena Berg')).toEqual(['Aïcha Traoré', 'Moussa Diallo', 'Lena Berg']);
    expect(authorsFromByline('Par Amadou Koné')).toEqual(['Amadou Koné']);
  });

  it('keeps "Surname, Given" as one name and gives nothing for nothing', () => {
    expect(authorsFromByline('Doe, Jane')).toEqual(['Doe, Jane']);
    expect(authorsFromByline('  ')).toEqual([]);
    expect(authorsFromByline(null)).toEqual([]);
  });
});

describe('library sort orders', () => {
  const doc = (id: number, title: string, more: Partial<{ authors: string[]; published: string | null; importedAt: string; lastOpenedAt: string | null }> = {}) => ({
    id,
    title,
    authors: [],
    published: null,
    importedAt: `2025-01-0${id}T00:00:00.000Z`,
    lastOpenedAt: null,
    ...more,
  });
  const titles = (docs: Array<{ title: string }>) => docs.map((d) => d.title);

  it('sorts titles with accents and numbers as a reader expects', () => {
    const docs = [doc(1, 'Zinder'), doc(2, 'Écoles du Sahel'), doc(3, 'eau'), doc(4, 'Report 10'), doc(5, 'Report 9')];
    expect(titles(sortedDocuments(docs, 'title'))).toEqual(['eau', 'Écoles du Sahel', 'Report 9', 'Report 10', 'Zinder']);
  });

  it('sorts by surname, "Doe, Jane" with "Jane Doe", and puts documents with no author last', () => {
    const docs = [doc(1, 'No one'), doc(2, 'B', { authors: ['Émile Zola'] }), doc(3, 'C', { authors: ['Doe, Jane'] }), doc(4, 'A', { authors: ['Ana Álvarez'] })];
    expect(titles(sortedDocuments(docs, 'author'))).toEqual(['A', 'C', 'B', 'No one']);
  });

  it('puts newest dates first, a partial date before the days it holds, and undated documents last', () => {
    const docs = [
      doc(1, 'Undated'),
      doc(2, 'Year', { published: '2012' }),
      doc(3, 'Day', { published: '2012-03-14' }),
      doc(4, 'Month', { published: '2012-03' }),
      doc(5, 'Older', { published: '1998-07-01' }),
    ];
    expect(titles(sortedDocuments(docs, 'published'))).toEqual(['Day', 'Month', 'Year', 'Older', 'Undated']);
    expect(titles(sortedDocuments(docs, 'added'))).toEqual(['Older', 'Month', 'Day', 'Year', 'Undated']);
  });

  it('lists the documents last opened first, and those never opened after them by title', () => {
    const docs = [doc(1, 'b never'), doc(2, 'a never'), doc(3, 'Old', { lastOpenedAt: '2025-02-01T00:00:00Z' }), doc(4, 'Recent', { lastOpenedAt: '2025-03-01T00:00:00Z' })];
    expect(titles(sortedDocuments(docs, 'opened'))).toEqual(['Recent', 'Old', 'a never', 'b never']);
  });
});
