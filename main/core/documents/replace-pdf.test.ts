import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citePart, partAt } from '../../common/document-parts';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { testDocument } from '../../testing/test-documents';
import { textPdf } from '../../testing/text-pdf';

const upload = (name: string, bytes: Uint8Array | string) => ({ name, base64: Buffer.from(bytes).toString('base64') });

/** A report's pages: page N says which page it is and something only it says. */
const reportPage = (n: number, extra: readonly string[] = []) => [
  `Field report, page ${n}.`,
  '',
  `On day ${n} the convoy crossed the river near Gao before dawn.`,
  ...extra,
];
const FIRST_EDITION = textPdf({
  title: 'Sahel field report',
  pages: [reportPage(1), reportPage(2), reportPage(3), reportPage(4, ['', 'The ransom was paid in Kidal on the fourth night.'])],
});
// The newer edition adds a page before the others and drops the last two: page 2's words are now on page 3.
const SECOND_EDITION = textPdf({ title: 'Sahel field report', pages: [['Errata and a new foreword.'], reportPage(1), reportPage(2)] });

let t: TempLibrary;
const ids = new Map<string, number>();

beforeAll(() => {
  t = tempLibrary();
  const outcomes = t.call('documents.import', {
    files: [upload('report.pdf', FIRST_EDITION), testDocument('calibre-quick-start.epub')],
  });
  for (const outcome of outcomes) if (outcome.status === 'imported') ids.set(outcome.fileName, outcome.document.id);
  expect([...ids.keys()]).toEqual(['report.pdf', 'calibre-quick-start.epub']);
  const imported = new Set(ids.values());
  ids.set('bundled article', t.call('documents.list', {}).find((document) => !imported.has(document.id))!.id);
}, 120_000);

afterAll(() => t?.cleanup());

describe('replacing a document by a newer version', () => {
  it('takes a PDF only as a PDF, as documents.parts says; anything else as any file', () => {
    const said = Object.fromEntries([...ids].map(([name, id]) => [name, t.call('documents.parts', { id }).replaceWith]));
    expect(said).toEqual({ 'report.pdf': 'pdf', 'calibre-quick-start.epub': 'any', 'bundled article': 'any' });
    const id = ids.get('report.pdf')!;
    expect(t.errorOf('documents.replace', { id, file: upload('newer.md', '# Newer\n\nNewer text.\n') })).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('is a PDF: choose the newer version of the PDF'),
    });
    expect(t.call('documents.parts', { id }).parts).toHaveLength(4);
  });

  it('re-anchors a newer PDF’s passages to their words and pages, keeps areas on their pages, and orphans what is gone', () => {
    const id = ids.get('report.pdf')!;
    const before = t.call('documents.get', { id });
    const at = (words: string) => ({ start: before.text.indexOf(words), end: before.text.indexOf(words) + words.length });
    const passage = t.call('highlights.create', { documentId: id, ...at('On day 2 the convoy crossed'), colour: 'yellow' });
    const lastPage = t.call('highlights.create', { documentId: id, ...at('The ransom was paid in Kidal'), colour: 'red' });
    const figure = t.call('highlights.createArea', { documentId: id, area: { page: 2, x: 0.1, y: 0.2, width: 0.5, height: 0.3 }, colour: 'blue' });
    const pastTheEnd = t.call('highlights.createArea', { documentId: id, area: { page: 4, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }, colour: 'green' });

    const report = t.call('documents.replace', { id, file: upload('report-2nd.pdf', SECOND_EDITION) });
    expect(report).toMatchObject({ exact: 2, approximate: 0, orphaned: 2 });

    const { file, parts } = t.call('documents.parts', { id });
    expect(parts).toHaveLength(3);
    expect(file).toMatchObject({ kind: 'pdf', partCount: 3 });
    const after = new Map(t.call('highlights.list', { documentId: id }).map((highlight) => [highlight.id, highlight]));
    const moved = after.get(passage.id)!;
    expect(moved).toMatchObject({ status: 'exact', exact: 'On day 2 the convoy crossed' });
    expect(citePart(partAt(parts, moved.start)!)).toBe('p. 3');
    expect(after.get(lastPage.id)).toMatchObject({ status: 'orphaned' });
    expect(after.get(figure.id)).toMatchObject({ status: 'exact', area: figure.area, start: parts[1]!.startOffset });
    expect(after.get(pastTheEnd.id)).toMatchObject({ status: 'orphaned' });
  });

  it('refuses a damaged newer PDF and leaves the document as it was', () => {
    const id = ids.get('report.pdf')!;
    const before = t.call('documents.get', { id });
    expect(t.errorOf('documents.replace', { id, file: upload('broken.pdf', '%PDF-1.4\nnot really a PDF') })).toMatchObject({ code: 'refused' });
    expect(t.call('documents.get', { id }).text).toBe(before.text);
    expect(t.call('documents.parts', { id }).parts).toHaveLength(3);
  });

  it('asks for an encrypted newer PDF’s password, says a wrong one is wrong, and replaces with the right one', () => {
    const id = ids.get('report.pdf')!;
    const before = t.call('documents.get', { id });
    expect(t.errorOf('documents.replace', { id, file: testDocument('libreoffice-writer-password.pdf') })).toEqual({
      code: 'refused',
      message: 'libreoffice-writer-password.pdf is encrypted: give its password to replace “Sahel field report” with it.',
      password: 'needed',
    });
    expect(t.errorOf('documents.replace', { id, file: testDocument('libreoffice-writer-password.pdf', 'not it') })).toEqual({
      code: 'refused',
      message: 'The password given for libreoffice-writer-password.pdf is wrong; “Sahel field report” is as it was.',
      password: 'wrong',
    });
    expect(t.call('documents.get', { id }).text).toBe(before.text);

    const report = t.call('documents.replace', { id, file: testDocument('libreoffice-writer-password.pdf', 'openpassword') });
    expect(report.document.fileName).toBe('libreoffice-writer-password.pdf');
    expect(t.call('documents.get', { id }).text).not.toBe(before.text);
    expect(t.call('documents.parts', { id }).file).toMatchObject({ kind: 'pdf', hasText: true });
  });
});

