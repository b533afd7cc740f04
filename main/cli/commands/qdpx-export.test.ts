import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-qdpx-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

describe('REFI-QDA on the command line', () => {
  it('writes a .qdpx zip with project.qde and the sources, and a .qdc codebook', async () => {
    const out = path.join(dir, 'project.qdpx');
    expect(await cli('export', '--format', 'qdpx', '--out', out)).toMatchObject({ code: 0, stdout: `wrote ${out}\n` });
    const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const names = Object.keys(entries);
    expect(names).toContain('project.qde');
    expect(names.filter((n) => /^sources\/[0-9A-F-]{36}\.txt$/.test(n))).toHaveLength(1);
    expect(strFromU8(entries['project.qde']!)).toContain('xmlns="urn:QDA-XML:project:1.0"');

    const qdc = path.join(dir, 'codebook.qdc');
    expect((await cli('export', '--format', 'qdc', '--out', qdc)).code).toBe(0);
    expect(fs.readFileSync(qdc, 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect((await cli('export', '--format', 'qdpx', '--document', '1', '--out', out)).code).toBe(2);
  });
});
