import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-140-');
});
afterEach(() => t.cleanup());

const SHA = 'a'.repeat(64);

describe('migration 140: the files documents came as, and their pages or chapters', () => {
  it('keeps a file and its parts with their document, and lets them go with it', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    const db = t.library.db;
    db.prepare(
      "INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, bytes) VALUES (?, 'application/pdf', ?, 3, 'pdfjs-5.6.205/1', 1, x'255044')",
    ).run(summary!.id, SHA);
    db.prepare("INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, 'page', 0, '1', 0, 10)").run(summary!.id);

    db.prepare('DELETE FROM documents WHERE id = ?').run(summary!.id);

    expect(db.prepare('SELECT count(*) AS n FROM document_files').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM document_parts').get()).toEqual({ n: 0 });
  });

  it('refuses a file of another kind, a second copy of the same bytes, and a part that ends before it starts', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    const db = t.library.db;
    const insertFile = db.prepare(
      'INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, bytes) VALUES (?, ?, ?, 3, ?, 1, x\'255044\')',
    );
    expect(() => insertFile.run(summary!.id, 'text/html', SHA, 'x')).toThrow(/CHECK/);
    insertFile.run(summary!.id, 'application/pdf', SHA, 'pdfjs-5.6.205/1');
    const [outcome] = callOn(t.library, 'documents.import', { files: [{ name: 'memo.txt', base64: Buffer.from('A memo about the convoy.').toString('base64') }] });
    const otherId = outcome!.status === 'imported' ? outcome!.document.id : 0;
    expect(() => insertFile.run(otherId, 'application/pdf', SHA, 'pdfjs-5.6.205/1')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, 'page', 0, '1', 10, 5)").run(summary!.id),
    ).toThrow(/CHECK/);
  });
});
