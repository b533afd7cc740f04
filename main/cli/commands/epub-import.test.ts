import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../run-cli-captured';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-epub-import-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

describe('fieldbook import of an EPUB', () => {
  it('prints the book it added with its chapters, then that it is already there', async () => {
    const book = path.join(DOCUMENTS, 'calibre-quick-start.epub');
    const run = await cli('import', book);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^imported calibre-quick-start\.epub as #\d+ “Quick Start Guide” \(EPUB, 14 chapters\)\n$/);
    expect((await cli('import', book)).stdout).toMatch(/^already there: calibre-quick-start\.epub is already in the library as “Quick Start Guide”/);
  });

  it('refuses a truncated book naming it, exit status 1', async () => {
    const run = await cli('import', path.join(DOCUMENTS, 'childrens-literature-truncated.epub'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/childrens-literature-truncated\.epub was not imported: it is not a complete zip file.*Nothing was added to the library\./);
  });
});
