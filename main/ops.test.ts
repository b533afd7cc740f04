import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentFull, Highlight, ReplaceReport } from './common/records';
import type { OpName, OpOutputs } from './common/contract';
import { packageResourcesDir } from './core/resources-dir';
import { tempLibrary, type TempLibrary } from './testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const errorOf = (name: string, input: unknown) => t.errorOf(name, input);
const rowCount = (table: string) => (t.library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function theArticle(): DocumentFull {
  const [summary] = call('documents.list', {});
  return call('documents.get', { id: summary!.id });
}

describe('the operations table', () => {
  it('opens a new library with the bundled article in it', () => {
    const docs = call('documents.list', {});
    expect(docs.map((d) => d.title)).toEqual(['Al-Quaeda and state sanctuary in the Islamic Maghreb']);
  });

  it('answers unknown operations and bad input with clear errors, not crashes', () => {
    expect(errorOf('documents.drop', {})).toEqual({ code: 'unknown_op', message: 'There is no operation named "documents.drop".' });
    expect(errorOf('documents.get', { id: 'abc' })).toEqual({ code: 'invalid_input', message: 'An id must be a number.', field: 'id' });
    expect(errorOf('documents.get', { id: 999 })).toEqual({ code: 'not_found', message: 'There is no document with id 999.' });
    expect(errorOf('documents.get', { id: 1, extra: true }).code).toBe('invalid_input');
    expect(errorOf('documents.import', { files: [] }).message).toMatch(/Choose at least one file/);
    let deep: unknown = { type: 'paragraph', children: [] };
    for (let level = 0; level < 5_000; level++) deep = { type: 'quote', children: [deep] };
    const note = call('notes.create', { title: 'Deep' });
    expect(errorOf('notes.save', { id: note.id, title: 'Deep', body: { root: { type: 'root', children: [deep] } } })).toEqual({
      code: 'invalid_input',
      message: 'The input is nested more than 200 levels deep.',
    });
  });

  it('takes a file as its bytes where the caller holds them, as base64 where only JSON crosses, never both', () => {
    const report = '# Field report\n\nThe convoy crossed the river near Gao 🚙, عبرت القافلة.\n';
    const [asBytes] = call('documents.import', { files: [{ name: 'report.md', bytes: new TextEncoder().encode(report) }] });
    expect(asBytes).toMatchObject({ status: 'imported', document: { title: 'Field report' } });
    const [asBase64] = call('documents.import', { files: [{ name: 'copy.md', base64: Buffer.from(report).toString('base64') }] });
    expect(asBase64).toMatchObject({ status: 'duplicate' });
    const sentOnce = 'A file is sent as base64 or as bytes: one of the two.';
    expect(errorOf('documents.import', { files: [{ name: 'both.md', base64: 'YQ==', bytes: new Uint8Array([97]) }] }).message).toBe(sentOnce);
    expect(errorOf('documents.import', { files: [{ name: 'neither.md' }] }).message).toBe(sentOnce);
    expect(errorOf('documents.import', { files: [{ name: 'numbers.md', bytes: [97, 98] }] }).message).toMatch(/bytes must be a Uint8Array/);
    // A book's bytes are one value to the door's checks, not millions of nested ones (nor a copy of each).
    const book = new TextEncoder().encode(`Long report\n\n${'The patrol waited at the ferry. '.repeat(200_000)}`);
    const [large] = call('documents.import', { files: [{ name: 'long\uD800.txt', bytes: book }] });
    expect(large).toMatchObject({ status: 'imported', fileName: 'long\uFFFD.txt' });
  });

  it('refuses a bad highlight without writing a row', () => {
    const doc = theArticle();
    expect(errorOf('highlights.create', { documentId: doc.id, start: 10, end: 5, colour: 'yellow' }).message).toMatch(/at least one character/);
    expect(errorOf('highlights.create', { documentId: doc.id, start: 0, end: 5, colour: 'orange' }).message).toMatch(/colour is one of/);
    expect(errorOf('highlights.create', { documentId: doc.id, start: 0, end: doc.text.length + 1, colour: 'red' }).message).toMatch(/past the end/);
    const gap = doc.text.indexOf('\n\n');
    expect(errorOf('highlights.create', { documentId: doc.id, start: gap, end: gap + 2, colour: 'red' }).message).toMatch(/not only spaces/);
    expect(rowCount('highlights')).toBe(0);
  });
});

describe('highlights through the table', () => {
  it('stores the quote with its context, counted in the document text', () => {
    const doc = theArticle();
    const start = doc.text.indexOf('Abu Musab Abdel Wadoud');
    const created = call('highlights.create', { documentId: doc.id, start, end: start + 22, colour: 'blue' });
    expect(created).toMatchObject({ exact: 'Abu Musab Abdel Wadoud', status: 'exact', colour: 'blue', comment: '' });
    expect(created.prefix).toBe(doc.text.slice(start - 32, start));
    expect(created.suffix).toBe(doc.text.slice(start + 22, start + 54));
  });

  it('lists highlights in reading order and edits, deletes and restores them', () => {
    const doc = theArticle();
    const later = doc.text.indexOf('Timbuktu');
    const earlier = doc.text.indexOf('Sahara');
    const a = call('highlights.create', { documentId: doc.id, start: later, end: later + 8, colour: 'green' });
    const b = call('highlights.create', { documentId: doc.id, start: earlier, end: earlier + 6, colour: 'yellow' });
    expect(call('highlights.list', { documentId: doc.id }).map((h) => h.id)).toEqual([b.id, a.id]);

    const edited = call('highlights.update', { id: a.id, comment: 'Where the document was found', colour: 'purple' });
    expect(edited).toMatchObject({ comment: 'Where the document was found', colour: 'purple' });

    call('highlights.delete', { id: a.id });
    expect(call('highlights.list', { documentId: doc.id }).map((h) => h.id)).toEqual([b.id]);
    call('highlights.restore', { id: a.id });
    expect(call('highlights.list', { documentId: doc.id }).find((h) => h.id === a.id)).toMatchObject({
      comment: 'Where the document was found',
    });
  });
});

describe('replacing a document with a newer version', () => {
  it('re-anchors every highlight and reports exact, approximate and orphaned', () => {
    const doc = theArticle();
    const mark = (phrase: string): Highlight => {
      const start = doc.text.indexOf(phrase);
      return call('highlights.create', { documentId: doc.id, start, end: start + phrase.length, colour: 'yellow' });
    };
    const kept = mark('destroyed some holy places in Timbuktu');
    const changed = mark('tried to implement a very ambitious new strategy');
    const deleted = mark('They started to cut the hands off thieves');
    const page = fs
      .readFileSync(path.join(packageResourcesDir(), 'aqim-state-sanctuary.html'), 'utf8')
      .replace('<p>Firstly', '<p>An inserted opening paragraph.</p><p>Firstly')
      .replace('a very ambitious new', 'a truly ambitious new')
      .replace('They started to cut the hands off thieves, ', '');
    const report: ReplaceReport = call('documents.replace', {
      id: doc.id,
      file: { name: 'aqim-v2.html', base64: Buffer.from(page).toString('base64') },
    });
    expect(report).toMatchObject({ exact: 1, approximate: 1, orphaned: 1 });

    const newText = call('documents.get', { id: doc.id }).text;
    const byId = new Map(call('highlights.list', { documentId: doc.id }).map((h) => [h.id, h]));
    expect(newText.slice(byId.get(kept.id)!.start, byId.get(kept.id)!.end)).toBe('destroyed some holy places in Timbuktu');
    expect(newText.slice(byId.get(changed.id)!.start, byId.get(changed.id)!.end)).toBe('tried to implement a truly ambitious new strategy');
    expect(byId.get(deleted.id)).toMatchObject({ status: 'orphaned', exact: 'They started to cut the hands off thieves' });
    expect([...byId.values()].at(-1)!.id).toBe(deleted.id);
  });

  it('leaves the document and its highlights untouched when the new file is refused', () => {
    const doc = theArticle();
    const before = t.library.db.prepare('SELECT * FROM documents').all();
    const error = errorOf('documents.replace', { id: doc.id, file: { name: 'empty.html', base64: '' } });
    expect(error).toEqual({ code: 'refused', message: 'empty.html was not imported: the file is empty.' });
    expect(t.library.db.prepare('SELECT * FROM documents').all()).toEqual(before);
  });
});
