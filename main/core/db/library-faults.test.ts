import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../ops';
import { FieldbookError } from '../errors';
import { openLibrary } from '../open-library';
import { packageResourcesDir } from '../resources-dir';
import { Library } from './library';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-faults-'));
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(open: () => unknown): FieldbookError {
  try {
    open();
  } catch (error) {
    if (error instanceof FieldbookError) return error;
    throw error;
  }
  throw new Error('the library opened');
}

const open = () => openLibrary(file, { resourcesDir: packageResourcesDir() });
const snapshot = (table: string, library: Library) => library.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
const markdown = (text: string) => ({ name: 'memo.md', base64: Buffer.from(text).toString('base64') });

describe('a library that cannot be used', () => {
  it('refuses a damaged file and never writes to it', () => {
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    fs.writeFileSync(file, garbage);
    expect(refusal(open)).toMatchObject({ code: 'library_unavailable', message: expect.stringMatching(/could not be opened.*left untouched/) });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses another program’s SQLite database', () => {
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const before = fs.readFileSync(file);
    expect(refusal(open).message).toMatch(/is not a Fieldbook library/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a library from a newer Fieldbook without migrating it', () => {
    open().close();
    const newer = new Database(file);
    newer.pragma('user_version = 9990');
    newer.close();
    const before = fs.readFileSync(file);
    expect(refusal(open).message).toMatch(/written by a newer version of Fieldbook \(schema 9990/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a write that the disk refuses', () => {
  it('says the disk is full and leaves the library as it was', () => {
    const library = open();
    const before = snapshot('documents', library);
    const pages = library.db.pragma('page_count', { simple: true }) as number;
    library.db.pragma(`max_page_count = ${pages}`);
    const result = dispatch({ library }, 'documents.import', { files: [markdown(`# Memo\n\n${'Timbuktu and Gao. '.repeat(20_000)}`)] });
    expect(result).toEqual({ ok: false, error: { code: 'library_unavailable', message: expect.stringMatching(/disk holding the library is full/) } });
    expect(snapshot('documents', library)).toEqual(before);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    library.close();
  });

  it('says the library is read-only and saves nothing', () => {
    const library = open();
    library.db.pragma('query_only = ON');
    const [doc] = library.db.prepare('SELECT id FROM documents').all() as Array<{ id: number }>;
    const result = dispatch({ library }, 'highlights.create', { documentId: doc!.id, start: 0, end: 10, colour: 'yellow' });
    expect(result.ok).toBe(false);
    library.db.pragma('query_only = OFF');
    expect(snapshot('highlights', library)).toEqual([]);
    library.close();
  });
});
