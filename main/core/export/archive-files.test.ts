import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ARCHIVE_VERSION, FILE_REFERENCES_SINCE_VERSION, FILES_SINCE_VERSION, libraryArchiveJson } from './library-archive';
import { restoreArchive, restoreArchiveAnswer } from './restore-archive';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');
const bytesOf = (name: string) => fs.readFileSync(path.join(DOCUMENTS, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TempLibrary;
let json: string;
const ids = new Map<string, number>();

beforeAll(() => {
  t = tempLibrary('fieldbook-archive-files-');
  const outcomes = t.call('documents.import', {
    files: ['issue11656.pdf', 'issue7229.pdf'].map((name) => ({ name, base64: bytesOf(name).toString('base64') })),
  });
  for (const outcome of outcomes) if (outcome.status === 'imported') ids.set(outcome.fileName, outcome.document.id);
  expect([...ids.keys()]).toEqual(['issue11656.pdf', 'issue7229.pdf']);
  t.call('highlights.create', { documentId: ids.get('issue11656.pdf')!, start: 0, end: 9, colour: 'blue' });
  json = libraryArchiveJson(t.library, '2026-12-06T00:00:00.000Z');
}, 120_000);

afterAll(() => t?.cleanup());

describe('the archive carries PDFs’ files and pages', () => {
  it('writes each file’s bytes as base64 with its pages, since archive version 9', () => {
    const archive = JSON.parse(json) as { version: number; documents: Array<{ fileName: string; file: { base64: string; parts: unknown[]; hasText: boolean } | null }> };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(FILES_SINCE_VERSION);
    const hebrew = archive.documents.find((d) => d.fileName === 'issue11656.pdf')!;
    expect(Buffer.from(hebrew.file!.base64, 'base64').equals(bytesOf('issue11656.pdf'))).toBe(true);
    expect(hebrew.file!.parts).toHaveLength(1);
    expect(archive.documents.find((d) => d.fileName === 'issue7229.pdf')!.file).toMatchObject({ hasText: false });
    expect(archive.documents.find((d) => d.fileName === null)?.file ?? null).toBeNull();
  });

  it('restores them into a new library: the same bytes, pages, scan and highlight', () => {
    const fresh = t.open('fresh.sqlite');
    const report = restoreArchive(fresh, json);
    expect(report.conflicts).toEqual([]);
    expect(libraryArchiveJson(fresh, '2026-12-06T00:00:00.000Z')).toBe(json);
    for (const [name, id] of ids) {
      expect(Buffer.from(callOn(fresh, 'documents.file', { id }).base64, 'base64').equals(bytesOf(name))).toBe(true);
      expect(callOn(fresh, 'documents.parts', { id })).toEqual(t.call('documents.parts', { id }));
    }
    const exported = callOn(fresh, 'export.webAnnotations', { documentId: ids.get('issue11656.pdf')! }).content;
    expect(exported).toContain('"value": "page=1"');
    // Restored again, nothing is added: each file is known by its bytes.
    expect(restoreArchive(fresh, json).added.documents).toBe(0);
  });

  it('still restores an archive of version 8, whose documents carry no file', () => {
    const archive = JSON.parse(json) as { version: number; documents: Array<Record<string, unknown>> };
    const older = { ...archive, version: 8, documents: archive.documents.filter((d) => d.fileName !== 'issue7229.pdf').map(({ file: _file, ...d }) => d) };
    const target = t.open('older.sqlite');
    restoreArchive(target, JSON.stringify(older));
    const hebrew = callOn(target, 'documents.list', {}).find((d) => d.fileName === 'issue11656.pdf')!;
    expect(callOn(target, 'documents.parts', { id: hebrew.id })).toEqual({ file: null, parts: [], replaceWith: 'any' });
  });

  it('refuses an archive whose pages lie outside the text, naming the document', () => {
    const archive = JSON.parse(json) as { documents: Array<{ fileName: string; file: { parts: Array<{ endOffset: number }> } | null }> };
    archive.documents.find((d) => d.fileName === 'issue11656.pdf')!.file!.parts[0]!.endOffset = 1_000_000;
    const target = t.open('damaged.sqlite');
    expect(() => restoreArchive(target, JSON.stringify(archive))).toThrow(/The archive is damaged: the document “.*” \(.*\) has a page \(1\) outside its text/);
  });
});

describe('an archive that names its PDFs without carrying them (originals: refer)', () => {
  let referring: string;
  beforeAll(() => {
    referring = libraryArchiveJson(t.library, '2026-12-06T00:00:00.000Z', undefined, 'refer');
  });
  const countRows = (library: TempLibrary['library']) => (library.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

  it('names each file by its size and SHA-256, with no bytes, since archive version 11', () => {
    const archive = JSON.parse(referring) as { version: number; documents: Array<{ fileName: string; file: Record<string, unknown> | null }> };
    expect(FILE_REFERENCES_SINCE_VERSION).toBe(11);
    expect(archive.version).toBe(11);
    const hebrew = archive.documents.find((d) => d.fileName === 'issue11656.pdf')!.file!;
    expect(hebrew).not.toHaveProperty('base64');
    expect(hebrew).toMatchObject({ byteSize: bytesOf('issue11656.pdf').byteLength, sha256: sha256(bytesOf('issue11656.pdf')) });
    expect(referring.length).toBeLessThan(json.length - bytesOf('issue7229.pdf').byteLength);
    // An older version carried its files: one that names them instead is not what that version wrote.
    expect(() => restoreArchive(t.open('older-reference.sqlite'), JSON.stringify({ ...archive, version: 10 }))).toThrow(
      /The archive is damaged at documents\.\d+\.file: an archive of version 10 carries its files' bytes/,
    );
  });

  it('asks for the files a new library lacks, naming them, and writes nothing until they are given', () => {
    const target = t.open('referring.sqlite');
    const before = countRows(target);
    const answer = restoreArchiveAnswer(target, referring);
    expect(answer).toEqual({
      filesNeeded: [
        expect.objectContaining({ fileName: 'issue11656.pdf', mediaType: 'application/pdf', byteSize: bytesOf('issue11656.pdf').byteLength }),
        expect.objectContaining({ fileName: 'issue7229.pdf', sha256: sha256(bytesOf('issue7229.pdf')) }),
      ],
    });
    expect(countRows(target)).toBe(before);
    expect(() => restoreArchive(target, referring)).toThrow(/Nothing was restored: this archive refers to 2 files it does not carry: “issue11656\.pdf” \(PDF, \d+ KB\), “issue7229\.pdf”/);

    // A file given under another name is known by its bytes; one that is none of them changes nothing.
    const partly = restoreArchiveAnswer(target, referring, undefined, [
      { name: 'renamed.pdf', bytes: bytesOf('issue7229.pdf') },
      { name: 'unrelated.pdf', bytes: bytesOf('tracemonkey.pdf') },
    ]);
    expect(partly).toEqual({ filesNeeded: [expect.objectContaining({ fileName: 'issue11656.pdf' })] });
    expect(countRows(target)).toBe(before);

    const report = restoreArchiveAnswer(target, referring, undefined, [
      { name: 'renamed.pdf', bytes: bytesOf('issue7229.pdf') },
      { name: 'issue11656.pdf', bytes: bytesOf('issue11656.pdf') },
    ]);
    expect(report).toMatchObject({ added: { documents: 2, highlights: 1 } });
    // Restored with its files, the library is the one archived: the same archive comes out of it.
    expect(libraryArchiveJson(target, '2026-12-06T00:00:00.000Z')).toBe(json);
  });

  it('needs no file a library already has: the same document, or the same file imported there on its own', () => {
    expect(restoreArchiveAnswer(t.library, referring)).toMatchObject({ added: { documents: 0 }, conflicts: [] });
    // Another library that imported the same two PDFs itself: other uids, the same bytes.
    const elsewhere = t.open('imported-alike.sqlite');
    for (const name of ['issue11656.pdf', 'issue7229.pdf']) callOn(elsewhere, 'documents.import', { files: [{ name, base64: bytesOf(name).toString('base64') }] });
    const before = callOn(elsewhere, 'documents.list', {}).length;
    expect(restoreArchiveAnswer(elsewhere, referring)).toMatchObject({ added: { documents: 0, highlights: 1 }, conflicts: [] });
    expect(callOn(elsewhere, 'documents.list', {})).toHaveLength(before);
  });

  it('refuses a reference that names no size, or a SHA-256 that is not one', () => {
    const archive = JSON.parse(referring) as { documents: Array<{ fileName: string; file: Record<string, unknown> | null }> };
    const file = archive.documents.find((d) => d.fileName === 'issue11656.pdf')!.file!;
    const target = t.open('bad-reference.sqlite');
    delete file.byteSize;
    expect(() => restoreArchive(target, JSON.stringify(archive))).toThrow(/The archive is damaged at documents\.\d+\.file: A file must carry its bytes \(base64\), or refer to them/);
    file.byteSize = 10;
    file.sha256 = 'not-a-hash';
    expect(() => restoreArchive(target, JSON.stringify(archive))).toThrow(/or refer to them by byteSize and a SHA-256 of 64 hex digits/);
  });
});
