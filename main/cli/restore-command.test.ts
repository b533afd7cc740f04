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

  it('finds the PDFs an archive names without carrying them in the folder --files gives, by their bytes', async () => {
    const pdf = path.resolve(import.meta.dirname, '../../../shared/testdata/documents/issue11656.pdf');
    const archive = path.join(dir, 'archive.json');
    const first = (...argv: string[]) => runCliCaptured(path.join(dir, 'first'), dir, argv);
    expect((await first('import', pdf)).code).toBe(0);
    expect((await first('export', '--format', 'json', '--originals', 'refer', '--out', archive)).code).toBe(0);
    expect(fs.statSync(archive).size).toBeLessThan(fs.statSync(pdf).size);

    const asked = await cli('restore', archive);
    expect(asked.code).toBe(EXIT_FAILURE);
    expect(asked.stderr).toMatch(
      /^missing: “issue11656\.pdf” \(PDF, 28 KB\) for “issue11656”, SHA-256 [0-9a-f]{64}\nfieldbook: nothing was restored: the archive refers to a PDF or EPUB it does not carry \(listed above\); give --files FOLDER, a folder that holds it\.\n$/,
    );

    // Kept elsewhere, in a folder within a folder and under another name, beside other files.
    const kept = path.join(dir, 'kept', 'papers');
    fs.mkdirSync(kept, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kept', 'notes.txt'), 'not a PDF');
    expect((await cli('restore', archive, '--files', path.join(dir, 'empty-folder'))).stderr).toMatch(/cannot read .*empty-folder: no such folder/);
    expect((await cli('restore', archive, '--files', path.join(dir, 'kept'))).stderr).toMatch(/it does not carry \(listed above\), and it is not in .*kept\./);
    fs.copyFileSync(pdf, path.join(kept, 'hebrew (copy).pdf'));
    const restored = await cli('restore', archive, '--files', path.join(dir, 'kept'));
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/^restored: added 1 document, 0 highlights,/);
    const shown = await cli('show', '2', '--page', '1');
    expect(shown.code).toBe(0);
  });

  it('still exits 2 for a wrong command line', async () => {
    expect((await cli('restore')).code).toBe(EXIT_USAGE);
  });
});
