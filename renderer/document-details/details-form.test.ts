import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../main/common/records';
import { authorsOf, changeFromForm, formFromDocument, placeCoreError, problemsIn, withTag } from './details-form';

const document: DocumentSummary = {
  id: 7,
  uid: 'u7',
  title: 'Convoy routes',
  byline: 'By Jane Doe',
  sourceUrl: 'https://example.org/convoy',
  fileName: null,
  format: 'html',
  wordCount: 120,
  importedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  authors: ['Jane Doe'],
  published: '2012',
  publisher: null,
  language: 'en',
  citation: null,
  tags: ['Sahel'],
  collectionIds: [2],
  lastOpenedAt: null,
};

describe('the Document details form', () => {
  it('sends nothing when nothing changed', () => {
    expect(changeFromForm(document, formFromDocument(document))).toBeNull();
  });

  it('sends only what changed: authors a line each, blank as null, tags and collections as lists', () => {
    const form = { ...formFromDocument(document), authors: 'Doe, Jane\n\n  John   Smith ', language: '  ', tags: ['Sahel', 'UN'], collectionIds: [2, 3] };
    expect(changeFromForm(document, form)).toEqual({
      id: 7,
      authors: ['Doe, Jane', 'John Smith'],
      language: null,
      tags: ['Sahel', 'UN'],
      collectionIds: [2, 3],
    });
    // The same collections in another order are no change.
    expect(changeFromForm({ ...document, collectionIds: [3, 2] }, { ...formFromDocument(document), collectionIds: [2, 3] })).toBeNull();
  });

  it('finds every problem at once with the contract’s rules, each under its field', () => {
    const problems = problemsIn({ id: 7, title: '  ', published: '2012-13', sourceUrl: 'example.org', language: 'english please' });
    expect(Object.keys(problems).sort()).toEqual(['language', 'published', 'sourceUrl', 'title']);
    expect(problems.published).toMatch(/2012, 2012-03 or 2012-03-14/);
    expect(problems.sourceUrl).toMatch(/http/);
    expect(problemsIn({ id: 7, authors: ['Jane Doe', ' '] }).authors).toBe('An author needs a name.');
    expect(problemsIn({ id: 7, published: '2012-03-14' })).toEqual({});
  });

  it('places a refusal from the core by the field it names, and keeps the rest for the form', () => {
    expect(placeCoreError({ code: 'invalid_input', message: 'An author needs a name.', field: 'authors.1' })).toEqual({ field: 'authors', message: 'An author needs a name.' });
    expect(placeCoreError({ code: 'invalid_input', message: 'A date published is …', field: 'published' })).toEqual({ field: 'published', message: 'A date published is …' });
    expect(placeCoreError({ code: 'invalid_input', message: 'Unrecognized key: "colour"', field: 'colour' })).toEqual({ field: null, message: 'Unrecognized key: "colour"' });
    expect(placeCoreError({ code: 'not_found', message: 'There is no collection with id 9.' })).toEqual({ field: null, message: 'There is no collection with id 9.' });
  });

  it('adds a tag as the core keeps it, once whatever its case, and refuses an empty one', () => {
    expect(withTag(['Sahel'], '  #UN  ')).toEqual({ tags: ['Sahel', 'UN'] });
    expect(withTag(['Sahel'], 'SAHEL')).toEqual({ tags: ['Sahel'] });
    expect(withTag(['Sahel'], '##')).toEqual({ problem: 'A tag needs at least one letter or digit.' });
    expect(authorsOf('Doe, Jane\nSmith')).toEqual(['Doe, Jane', 'Smith']);
  });
});
