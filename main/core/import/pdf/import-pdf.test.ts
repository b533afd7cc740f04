import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partAt } from '../../../common/document-parts';
import type { ImportOutcome } from '../../../common/records';
import { tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { PDF_EXTRACTION } from './pdf-engine';
import { TEST_DOCUMENTS, testDocument } from '../../../testing/test-documents';

/** The real PDFs of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const PASSWORD = 'openpassword';

const file = testDocument;

// Each file is read by pdf.js in a thread of its own: a few seconds each on a busy machine.
const SLOW = 120_000;

let t: TempLibrary;
const imported = new Map<string, number>();

function importOne(name: string, password?: string): ImportOutcome {
  const [outcome] = t.call('documents.import', { files: [file(name, password)] });
  if (outcome!.status === 'imported') imported.set(name, outcome!.document.id);
  return outcome!;
}

beforeAll(() => {
  expect(fs.existsSync(TEST_DOCUMENTS), `the test documents are not at ${TEST_DOCUMENTS}: shared/testdata must sit beside the project`).toBe(true);
  t = tempLibrary();
  const outcomes = t.call('documents.import', {
    files: ['tracemonkey.pdf', 'GeoTopo-komprimiert.pdf', 'pdkids.pdf', 'issue16063.pdf', 'issue11656.pdf', 'issue7229.pdf'].map((name) => file(name)),
  });
  for (const outcome of outcomes) {
    expect(outcome.status, `${outcome.fileName}: ${'message' in outcome ? outcome.message : ''}`).toBe('imported');
    if (outcome.status === 'imported') imported.set(outcome.fileName, outcome.document.id);
  }
}, SLOW * 3);

afterAll(() => t?.cleanup());

const id = (name: string) => imported.get(name)!;
const textOf = (name: string) => t.call('documents.get', { id: id(name) }).text;
const partsOf = (name: string) => t.call('documents.parts', { id: id(name) });

describe('importing the real PDFs', () => {
  it('reads tracemonkey: 14 pages, its title from the first page, ligatures folded so search finds "efficient"', () => {
    const document = t.call('documents.get', { id: id('tracemonkey.pdf') });
    expect(document.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    const { file: info, parts } = partsOf('tracemonkey.pdf');
    expect(info).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', hasText: true, partCount: 14, extraction: PDF_EXTRACTION });
    expect(parts.map((part) => part.label)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(document.text).not.toMatch(/[\uFB00-\uFB06]/);
    // The abstract reads as one paragraph, in the left column's order.
    expect(document.text).toContain('an elegant and efficient way of incrementally compiling lazily discovered alternative paths through nested loops');
    const results = t.call('search.query', { query: 'efficient', kinds: ['document'] });
    expect(results.documents.map((result) => result.id)).toContain(id('tracemonkey.pdf'));
  });

  it('reads GeoTopo: 117 pages with their printed labels, its metadata title and author, umlauts intact', () => {
    const document = t.call('documents.get', { id: id('GeoTopo-komprimiert.pdf') });
    expect(document.title).toBe('Geometrie und Topologie');
    expect(document.byline).toBe('Martin Thoma');
    const { file: info, parts } = partsOf('GeoTopo-komprimiert.pdf');
    expect(info?.partCount).toBe(117);
    expect(parts.slice(0, 3).map((part) => part.label)).toEqual(['i', 'ii', 'iii']);
    expect(document.text).toContain('Topologische Räume');
    expect(document.text).toContain('jede offene Überdeckung');
    expect(document.text).toContain('einen Häufungspunkt');
    // Umlauts as one character each, as a reader types them, not a letter and a combining mark.
    expect(document.text).not.toMatch(/\u0308/);
    expect(info?.outline[0]).toMatchObject({ title: '1 Topologische Grundbegriffe', part: 5 });
  });

  it('reads pdkids: 55 pages, its title from the first page', () => {
    const document = t.call('documents.get', { id: id('pdkids.pdf') });
    expect(partsOf('pdkids.pdf').parts).toHaveLength(55);
    expect(document.title).toBe('PD KIDS');
    expect(document.byline).toBe('Matt Pierard');
    expect(document.text).toContain("In my old Granny's days, long, long--oh, so long ago");
  });

  it('reads Japanese with its full-width letters and brackets folded', () => {
    const text = textOf('issue16063.pdf');
    expect(text).toContain('電線接続端子部が次のいずれにも該当しないとき。');
    expect(text).toContain('a ねじ止め端子であること。');
    expect(text).toContain('0.75平方ミリメートル');
    expect(text).toContain('行うことができる速結端子');
    expect(text).not.toMatch(/[\uFF01-\uFF5E]/);
  });

  it('reads Hebrew in logical order, its paragraphs marked right to left', () => {
    const document = t.call('documents.get', { id: id('issue11656.pdf') });
    expect(document.text.startsWith('שלום עולם מה שלום כולם?')).toBe(true);
    expect(document.text).toContain('אני יורד מן החוטים, אני כבר ילד אמיתי.');
    expect(document.html).toContain('<p dir="rtl">שלום עולם');
  });

  it('imports a scan with no text layer: its 2 pages kept, no text, marked as having none', () => {
    const document = t.call('documents.get', { id: id('issue7229.pdf') });
    expect(document.text).toBe('');
    expect(document.title).toBe('issue7229');
    const { file: info, parts } = partsOf('issue7229.pdf');
    expect(info).toMatchObject({ hasText: false, partCount: 2 });
    expect(parts.every((part) => part.startOffset === 0 && part.endOffset === 0)).toBe(true);
  });

  it('keeps the original bytes, whole, for the viewer', () => {
    const original = fs.readFileSync(path.join(TEST_DOCUMENTS, 'issue11656.pdf'));
    const stored = t.call('documents.file', { id: id('issue11656.pdf') });
    expect(stored.mediaType).toBe('application/pdf');
    expect(stored.fileName).toBe('issue11656.pdf');
    expect(Buffer.from(stored.base64, 'base64').equals(original)).toBe(true);
  });

  it('finds a word on page 5 with a result whose offset lies inside page 5', () => {
    const { parts } = partsOf('tracemonkey.pdf');
    const page5 = parts[4]!;
    const text = textOf('tracemonkey.pdf');
    const pageText = text.slice(page5.startOffset, page5.endOffset);
    const word = pageText.match(/\b[a-z]{9,}\b/g)!.find((candidate) => !text.slice(0, page5.startOffset).includes(candidate) && !text.slice(page5.endOffset).includes(candidate))!;
    expect(word).toBeDefined();
    const results = t.call('search.query', { query: word, kinds: ['document'], documentId: id('tracemonkey.pdf') });
    const match = results.documents[0]!.match!;
    expect(partAt(parts, match.start)?.ordinal).toBe(4);
  });
});

describe('files that are the same, encrypted or damaged', () => {
  it('reports the same PDF again as a duplicate', () => {
    const outcome = importOne('tracemonkey.pdf');
    expect(outcome).toMatchObject({ status: 'duplicate', document: { id: id('tracemonkey.pdf') } });
  }, SLOW);

  it('imports a second scan apart from the first: their empty texts do not collide', () => {
    // The same scan's bytes with a comment appended: another file, with no text either.
    const other = Buffer.concat([fs.readFileSync(path.join(TEST_DOCUMENTS, 'issue7229.pdf')), Buffer.from('\n% another scan\n')]);
    const [outcome] = t.call('documents.import', { files: [{ name: 'another-scan.pdf', base64: other.toString('base64') }] });
    expect(outcome!.status).toBe('imported');
    expect(outcome!.status === 'imported' && outcome!.document.id).not.toBe(id('issue7229.pdf'));
  }, SLOW);

  it('refuses the encrypted PDF without its password, naming the file, and says a wrong one is wrong', () => {
    const before = t.call('documents.list', {}).length;
    const without = importOne('libreoffice-writer-password.pdf');
    expect(without).toEqual({
      fileName: 'libreoffice-writer-password.pdf',
      status: 'refused',
      password: 'needed',
      message: 'libreoffice-writer-password.pdf was not imported: it is encrypted and needs its password.',
    });
    const wrong = importOne('libreoffice-writer-password.pdf', 'not-the-password');
    expect(wrong).toMatchObject({ status: 'refused', password: 'wrong', message: expect.stringMatching(/^libreoffice-writer-password\.pdf was not imported: .*password given for it is wrong/) });
    expect(t.call('documents.list', {})).toHaveLength(before);
  }, SLOW);

  it('imports the encrypted PDF given its password', () => {
    const outcome = importOne('libreoffice-writer-password.pdf', PASSWORD);
    expect(outcome.status).toBe('imported');
    expect(textOf('libreoffice-writer-password.pdf')).toMatch(/^Lorem ipsum dolor sit amet/);
  }, SLOW);

  it('refuses the damaged PDF, naming the file, and writes nothing', () => {
    const before = { documents: t.call('documents.list', {}), files: t.library.db.prepare('SELECT count(*) AS n FROM document_files').get() };
    const outcome = importOne('poppler-395-0-fuzzed.pdf');
    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringMatching(/^poppler-395-0-fuzzed\.pdf was not imported: it is damaged or not a PDF/) });
    expect(t.call('documents.list', {})).toEqual(before.documents);
    expect(t.library.db.prepare('SELECT count(*) AS n FROM document_files').get()).toEqual(before.files);
  }, SLOW);

  it('refuses a password longer than any', () => {
    expect(t.errorOf('documents.import', { files: [{ ...file('issue11656.pdf'), password: 'x'.repeat(1025) }] })).toMatchObject({ code: 'invalid_input' });
  });
});
