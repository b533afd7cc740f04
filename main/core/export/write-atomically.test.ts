import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeRelativeParts, writeFileAtomically } from './write-atomically';

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

  it('refuses paths outside a folder', () => {
    expect(() => safeRelativeParts('../escape.md')).toThrow(/outside the export folder/);
    expect(() => safeRelativeParts('/etc/passwd')).toThrow(/outside the export folder/);
    expect(safeRelativeParts('Notes//a.md')).toEqual(['Notes', 'a.md']);
  });
});
