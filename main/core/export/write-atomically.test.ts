import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically, writeFolderAtomically } from './write-atomically';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-atomic-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function* failingHalfway(): Generator<string> {
  yield 'the first half of the export, ';
  throw new Error('disk full');
}

describe('atomic writes', () => {
  it('writes a file, and replaces an existing one whole', () => {
    const file = path.join(dir, 'out', 'notes.md');
    writeFileAtomically(file, '# First\n');
    writeFileAtomically(file, ['# Second', '\n', Buffer.from('é\n')]);
    expect(fs.readFileSync(file, 'utf8')).toBe('# Second\né\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['notes.md']);
  });

  it('leaves no file, and no temporary file, when writing fails midway', () => {
    const file = path.join(dir, 'archive.json');
    expect(() => writeFileAtomically(file, failingHalfway())).toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file intact when writing its replacement fails', () => {
    const file = path.join(dir, 'archive.json');
    writeFileAtomically(file, '{"complete":true}');
    expect(() => writeFileAtomically(file, failingHalfway())).toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"complete":true}');
    expect(fs.readdirSync(dir)).toEqual(['archive.json']);
  });

  it('writes a folder all or nothing', () => {
    const vault = path.join(dir, 'Vault');
    writeFolderAtomically(vault, [
      { path: 'Notes/a.md', content: 'a' },
      { path: 'Actors/b.md', content: 'b' },
    ]);
    expect(fs.readFileSync(path.join(vault, 'Actors', 'b.md'), 'utf8')).toBe('b');

    expect(() =>
      writeFolderAtomically(vault, [
        { path: 'Notes/a.md', content: 'new a' },
        { path: 'Notes/c.md', content: failingHalfway() },
      ]),
    ).toThrow('disk full');
    // The earlier export is untouched and nothing half-built is left beside it.
    expect(fs.readFileSync(path.join(vault, 'Notes', 'a.md'), 'utf8')).toBe('a');
    expect(fs.existsSync(path.join(vault, 'Notes', 'c.md'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['Vault']);
  });

  it('leaves no folder when the first export fails, and refuses paths outside the folder', () => {
    const vault = path.join(dir, 'Vault');
    expect(() => writeFolderAtomically(vault, [{ path: 'a.md', content: 'a' }, { path: 'b.md', content: failingHalfway() }])).toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(() => writeFolderAtomically(vault, [{ path: '../escape.md', content: 'x' }])).toThrow(/outside the export folder/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
