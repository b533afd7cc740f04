import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_FAILURE, EXIT_USAGE } from './cli-io';
import { runCliCaptured } from './run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-restore-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(path.join(dir, 'library'), dir, argv);

describe('fieldbook restore', () => {
  it('exits 1, not the command-line code 2, when the archive is damaged', async () => {
    const archive = path.join(dir, 'archive.json');
    expect((await cli('export', '--format', 'json', '--out', archive)).code).toBe(0);
    const damaged = JSON.parse(fs.readFileSync(archive, 'utf8')) as { documents: Array<{ format: string }> };
    damaged.documents[0]!.format = 'pdf';
    fs.writeFileSync(archive, JSON.stringify(damaged));
    const restored = await cli('restore', archive);
    expect(restored).toMatchObject({ code: EXIT_FAILURE, stdout: '' });
    expect(restored.stderr).toMatch(/^fieldbook: The archive is damaged at documents\.0\.format/);
    fs.writeFileSync(archive, '{not json');
    expect((await cli('restore', archive)).code).toBe(EXIT_FAILURE);
  });

  it('still exits 2 for a wrong command line', async () => {
    expect((await cli('restore')).code).toBe(EXIT_USAGE);
  });
});
