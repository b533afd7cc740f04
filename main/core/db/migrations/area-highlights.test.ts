import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration160 } from '../../../testing/schema-140';
import type { Library } from '../library';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-160-');
});
afterEach(() => t.cleanup());

/** Makes the bundled article pass for a PDF of two pages (as migration 140's test does), so areas can be drawn without reading a real one. */
function asTwoPagePdf(library: Library, documentId: number): void {
  const { length } = callOn(library, 'documents.get', { id: documentId }).text;
  const db = library.db;
  db.prepare(
    "INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, bytes) VALUES (?, 'application/pdf', ?, 3, 'pdfjs-5.6.205/1', 1, x'255044')",
  ).run(documentId, 'b'.repeat(64));
  const half = Math.floor(length / 2);
  const part = db.prepare("INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset) VALUES (?, 'page', ?, ?, ?, ?)");
  part.run(documentId, 0, 'i', 0, half);
  part.run(documentId, 1, 'ii', half, length);
}

const insertRow = (library: Library, documentId: number, columns: Record<string, unknown>) => {
  const row = { uid: `u-${Math.random()}`, document_id: documentId, quote_prefix: '', quote_suffix: '', anchor_status: 'exact', colour: 'red', created_at: 'now', updated_at: 'now', ...columns };
  const names = Object.keys(row);
  library.db.prepare(`INSERT INTO highlights (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(row);
};

describe('migration 160: area highlights', () => {
  it('keeps a library’s highlights, their tags and their search as they were, and lets its PDFs take areas', () => {
    const lib = t.library;
    const [article] = callOn(lib, 'documents.list', {});
    const text = callOn(lib, 'documents.get', { id: article!.id }).text;
    const start = text.indexOf('Timbuktu');
    const passage = callOn(lib, 'highlights.create', { documentId: article!.id, start, end: start + 8, colour: 'blue', comment: 'the old city' });
    const actor = callOn(lib, 'actors.create', { name: 'Ansar Dine', kind: 'group' });
    callOn(lib, 'highlights.tag', { highlightId: passage.id, actorId: actor.id });
    const old = reopenedFromSchema(t, 150, undoMigration160, (db) =>
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'highlights'").get()).toEqual({ sql: expect.stringContaining('CHECK (length(quote_exact) > 0),') }),
    );
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    expect(old.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(old.db.pragma('foreign_key_check')).toEqual([]);
    const [kept] = callOn(old, 'highlights.list', { documentId: article!.id });
    expect(kept).toEqual({ ...passage, actorIds: [actor.id], updatedAt: kept!.updatedAt, area: null });
    expect(callOn(old, 'search.query', { query: 'old city' }).highlights.map((h) => h.id)).toEqual([passage.id]);

    asTwoPagePdf(old, article!.id);
    const area = callOn(old, 'highlights.createArea', { documentId: article!.id, area: { page: 2, x: 0.1, y: 0.1, width: 0.5, height: 0.5 }, colour: 'green' });
    expect(area).toMatchObject({ id: passage.id + 1, exact: '', start: Math.floor(text.length / 2), end: Math.floor(text.length / 2), area: { page: 2 } });
  });

  it('holds an area to its rules, and a highlight of text to the old ones, whatever writes the row', () => {
    const lib = t.library;
    const [article] = callOn(lib, 'documents.list', {});
    const area = { area_page: 1, area_x: 0.1, area_y: 0.1, area_width: 0.5, area_height: 0.5 };
    const ok = { quote_exact: '', position_start: 0, position_end: 0, ...area };
    insertRow(lib, article!.id, ok);
    // A highlight of text must still quote something and end after it starts.
    expect(() => insertRow(lib, article!.id, { quote_exact: '', position_start: 0, position_end: 4 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { quote_exact: 'Mali', position_start: 4, position_end: 4 })).toThrow(/CHECK/);
    // An area quotes nothing and sits at one offset; its place is whole, on the page.
    expect(() => insertRow(lib, article!.id, { ...ok, quote_exact: 'Mali', position_end: 4 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, position_end: 3 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, quote_suffix: 'x' })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, area_page: 0 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, area_height: null })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, area_x: 0.6 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, area_y: -0.1 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { ...ok, area_width: 0 })).toThrow(/CHECK/);
    expect(() => insertRow(lib, article!.id, { quote_exact: 'Mali', position_start: 0, position_end: 4, area_x: 0.1 })).toThrow(/CHECK/);
    expect(lib.db.prepare('SELECT count(*) AS n FROM highlights').get()).toEqual({ n: 1 });
  });
});
