import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../common/records';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { parseCsv } from '../../testing/parse-csv';
import type { AnnotationCollection } from './web-annotation';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const TRACEMONKEY = path.resolve(repoRoot, '../shared/testdata/documents/tracemonkey.pdf');

let t: TempLibrary;
let documentId: number;
let onPage3: Highlight;
let onPage1: Highlight;

beforeAll(() => {
  t = tempLibrary();
  const [outcome] = t.call('documents.import', { files: [{ name: 'tracemonkey.pdf', base64: fs.readFileSync(TRACEMONKEY).toString('base64') }] });
  if (outcome!.status !== 'imported') throw new Error(`tracemonkey.pdf did not import: ${JSON.stringify(outcome)}`);
  documentId = outcome!.document.id;
  const { parts } = t.call('documents.parts', { id: documentId });
  const page3 = parts[2]!;
  onPage3 = t.call('highlights.create', { documentId, start: page3.startOffset + 10, end: page3.startOffset + 60, colour: 'green', comment: 'on page three' });
  onPage1 = t.call('highlights.create', { documentId, start: 0, end: 20, colour: 'yellow' });
}, 120_000);

afterAll(() => t?.cleanup());

describe('exports of a PDF’s highlights say which page each is on', () => {
  it('adds an RFC 3778 page fragment (1-based) to the W3C selectors', () => {
    const collection = JSON.parse(t.call('export.webAnnotations', { documentId }).content) as AnnotationCollection;
    const selectorsOf = (highlight: Highlight) => collection.first.items.find((item) => item.id === `urn:uuid:${highlight.uid}`)!.target.selector;
    expect(selectorsOf(onPage3)).toEqual([
      { type: 'TextQuoteSelector', exact: onPage3.exact, prefix: onPage3.prefix, suffix: onPage3.suffix },
      { type: 'TextPositionSelector', start: onPage3.start, end: onPage3.end },
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' },
    ]);
    expect(selectorsOf(onPage1)[2]).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=1' });
  });

  it('cites the page in Markdown and HTML', () => {
    const markdown = t.call('export.documentMarkdown', { id: documentId }).content;
    expect(markdown).toContain('- Location: p. 3\n- Colour: Green\n- Comment: on page three');
    expect(markdown).toContain('- Location: p. 1\n- Colour: Yellow');
    const html = t.call('export.documentHtml', { id: documentId }).content;
    expect(html).toContain('<div class="details"><cite>p. 3</cite> · Green');
  });

  it('fills the CSV’s page column and leaves its chapter column empty', () => {
    const rows = parseCsv(t.call('export.highlightsCsv', { scope: { kind: 'document', documentId }, bom: false }).content);
    const header = rows[0]!;
    const row = rows.find((r) => r.includes(onPage3.uid))!;
    expect(row[header.indexOf('page')]).toBe('3');
    expect(row[header.indexOf('chapter')]).toBe('');
  });
});

describe('a PDF document', () => {
  it('is not replaced by a text file: its pages would cite text that has none', () => {
    const error = t.errorOf('documents.replace', { id: documentId, file: { name: 'newer.txt', base64: Buffer.from('Newer text.').toString('base64') } });
    expect(error).toEqual({ code: 'refused', message: '“Trace-based Just-in-Time Type Specialization for Dynamic Languages” is a PDF: choose the newer version of the PDF (newer.txt is not one).' });
    expect(t.call('documents.get', { id: documentId }).text).toMatch(/^Trace-based/);
  });
});
