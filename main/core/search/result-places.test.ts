import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citePart, partAt } from '../../common/document-parts';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { placesOf } from './result-places';
import { TEST_DOCUMENTS, testDocument } from '../../testing/test-documents';

/** The real PDFs and EPUB of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const file = testDocument;

const PAPER = 'tracemonkey.pdf';
const NOTES = 'GeoTopo-komprimiert.pdf';
const NOVEL = 'moby-dick.epub';

let t: TempLibrary;
const ids = new Map<string, number>();
const id = (name: string) => ids.get(name)!;
const textOf = (name: string) => t.call('documents.get', { id: id(name) }).text;
const partsOf = (name: string) => t.call('documents.parts', { id: id(name) }).parts;
/** Words typed and finished (a trailing space), so the last one is not matched as a prefix. */
const search = (words: string, extra = {}) => t.call('search.query', { query: `${words} `, ...extra });

beforeAll(() => {
  expect(fs.existsSync(TEST_DOCUMENTS), `the test documents are not at ${TEST_DOCUMENTS}: shared/testdata must sit beside the project`).toBe(true);
  t = tempLibrary('fieldbook-search-places-');
  for (const outcome of t.call('documents.import', { files: [PAPER, NOTES, NOVEL].map((name) => file(name)) })) {
    expect(outcome.status, outcome.fileName).toBe('imported');
    if (outcome.status === 'imported') ids.set(outcome.fileName, outcome.document.id);
  }
}, 120_000);

afterAll(() => t?.cleanup());

describe('where a search result is in its document', () => {
  it('gives each document found its own page or chapter, by the page’s printed label', () => {
    // "translation" is once in each: the paper's page 4, the lecture notes' page printed "61", the novel's chapter 101.
    const { documents } = search('translation');
    const placeOf = (name: string) => documents.find((result) => result.id === id(name))?.place;
    expect(placeOf(PAPER)).toBe('p. 4');
    expect(placeOf(NOTES)).toBe('p. 61');
    expect(placeOf(NOVEL)).toBe('Chapter 101. The Decanter.');
    // The notes' front matter is numbered i to iii, so their page "61" is not the 61st page.
    expect(partsOf(NOTES).find((part) => part.label === '61')!.ordinal).not.toBe(60);
  });

  it('cites the page the passage shown is on, and nothing for a document without pages', () => {
    // "group": the paper's page 5, the notes' page 109, the novel's chapter 36, and the bundled article (HTML, no pages).
    const { documents } = search('group');
    expect(documents).toHaveLength(4);
    for (const result of documents) {
      const parts = t.call('documents.parts', { id: result.id }).parts;
      const part = partAt(parts, result.match!.start);
      expect(result.place).toBe(part ? citePart(part) : null);
    }
    expect(documents.map((result) => result.place).sort()).toEqual(['Chapter 36. The Quarter-Deck.', 'p. 109', 'p. 5', null].sort());
  });

  it('has no place for a document found by its details rather than its text', () => {
    t.call('documents.update', { id: id(PAPER), tags: ['compilers'] });
    const { documents } = search('compilers');
    const byTag = documents.find((result) => result.id === id(PAPER))!;
    expect(byTag).toMatchObject({ match: null, place: null });
  });

  it('gives each highlight found the page or chapter it starts in', () => {
    const highlight = (name: string, phrase: string) => {
      const start = textOf(name).indexOf(phrase);
      expect(start, phrase).toBeGreaterThanOrEqual(0);
      return t.call('highlights.create', { documentId: id(name), start, end: start + phrase.length, colour: 'yellow', comment: 'ferrymen' }).id;
    };
    const made = new Map([
      [highlight(PAPER, 'a compiler can easily produce a translation'), 'p. 4'],
      [highlight(NOTES, 'die Translation um n'), 'p. 61'],
      [highlight(NOVEL, 'I handed the work for translation'), 'Chapter 101. The Decanter.'],
    ]);
    const { highlights } = search('ferrymen');
    expect(new Map(highlights.map((result) => [result.id, result.place]))).toEqual(made);
  });
});

describe('placesOf', () => {
  it('agrees with partAt at every page’s edges, the end of the text included, in one call', () => {
    const parts = partsOf(PAPER);
    const end = textOf(PAPER).length;
    const offsets = [...new Set(parts.flatMap((part) => [part.startOffset, part.endOffset - 1, part.endOffset, part.endOffset + 1]))].filter(
      (offset) => offset <= end,
    );
    expect(offsets).toContain(end);
    const places = placesOf(t.library, offsets.map((offset) => ({ documentId: id(PAPER), offset })));
    const expected = offsets.map((offset) => {
      const part = partAt(parts, offset);
      return part ? citePart(part) : null;
    });
    expect(places).toEqual(expected);
    expect(places.at(offsets.indexOf(end))).toBe('p. 14');
    // Between two pages' texts is no page.
    expect(places).toContain(null);
  });

  it('answers null for a point without an offset or in a document without parts', () => {
    // The bundled article, which came as HTML.
    const article = t.call('documents.list', {}).find((document) => ![...ids.values()].includes(document.id));
    expect(
      placesOf(t.library, [
        { documentId: id(NOVEL), offset: null },
        { documentId: article!.id, offset: 10 },
        { documentId: id(NOVEL), offset: textOf(NOVEL).indexOf('Call me Ishmael') },
      ]),
    ).toEqual([null, null, 'Chapter 1. Loomings.']);
  });
});
