import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../run-cli-captured';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');
const pdf = (name: string) => path.join(DOCUMENTS, name);

let dir: string;
const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);
let scanId: string;
let paperId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-pdf-'));
  const run = await cli('import', pdf('tracemonkey.pdf'), pdf('issue7229.pdf'));
  expect(run.stderr).toBe('');
  paperId = /imported tracemonkey\.pdf as #(\d+)/.exec(run.stdout)![1]!;
  scanId = /imported issue7229\.pdf as #(\d+)/.exec(run.stdout)![1]!;
  expect(run.stdout).toContain(`imported tracemonkey.pdf as #${paperId} “Trace-based Just-in-Time Type Specialization for Dynamic Languages” (PDF, 14 pages)\n`);
  expect(run.stdout).toContain(`imported issue7229.pdf as #${scanId} “issue7229” (PDF, 2 pages; a scan: no text to highlight or search)\n`);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fieldbook and PDFs', () => {
  it('shows a PDF’s text with a marker where each page starts', async () => {
    const run = await cli('show', paperId);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pages:    14\n');
    expect(run.stdout).toContain('\n\n--- p. 1 ---\nTrace-based Just-in-Time Type Specialization for Dynamic Languages\n');
    const markers = run.stdout.match(/^--- p\. \d+ ---$/gm)!;
    expect(markers).toEqual(Array.from({ length: 14 }, (_, i) => `--- p. ${i + 1} ---`));
  });

  it('shows one page with --page, and says when there is no such page', async () => {
    const page3 = await cli('show', paperId, '--page', '3');
    expect(page3.code).toBe(0);
    expect(page3.stdout.startsWith('--- p. 3 ---\n')).toBe(true);
    expect(page3.stdout).not.toContain('--- p. 4 ---');
    const whole = (await cli('show', paperId)).stdout;
    const body = page3.stdout.slice('--- p. 3 ---\n'.length, -1);
    expect(whole).toContain(`--- p. 3 ---\n${body}\n\n--- p. 4 ---`);
    expect(await cli('show', paperId, '--page', '15')).toMatchObject({ code: 1, stderr: expect.stringContaining('has 14 pages; there is no page 15') });
    expect(await cli('show', paperId, '--page', 'iv')).toMatchObject({ code: 2 });
  });

  it('says a scan has no text, page by page', async () => {
    const run = await cli('show', scanId);
    expect(run.stdout).toContain('Pages:    2 (a scan: no text to highlight or search)\n');
    expect(run.stdout).toContain('--- p. 1 ---\n(no text on this page)\n\n--- p. 2 ---\n(no text on this page)\n');
  });

  it('asks for an encrypted PDF’s password, and opens it with --password', async () => {
    const without = await cli('import', pdf('libreoffice-writer-password.pdf'));
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('libreoffice-writer-password.pdf was not imported: it is encrypted and needs its password. Give it with --password.');
    const withIt = await cli('import', '--password', 'openpassword', pdf('libreoffice-writer-password.pdf'));
    expect(withIt).toMatchObject({ code: 0, stderr: '' });
    expect(withIt.stdout).toMatch(/^imported libreoffice-writer-password\.pdf as #\d+ “.+” \(PDF, 1 page\)\n$/);
  }, 60_000);

  it('asks for an encrypted newer version’s password, and replaces with it given --password', async () => {
    // A library of its own: the one above already holds the encrypted PDF.
    const other = (...argv: string[]) => runCliCaptured(path.join(dir, 'other'), dir, argv);
    const id = /#(\d+)/.exec((await other('import', pdf('issue11656.pdf'))).stdout)![1]!;
    const replaced = await other('import', '--replace', id, pdf('libreoffice-writer-password.pdf'));
    expect(replaced.code).toBe(1);
    expect(replaced.stderr).toMatch(/libreoffice-writer-password\.pdf is encrypted: give its password to replace “.+” with it\. Give it with --password\.\n$/);
    expect((await other('import', '--replace', id, '--password', 'openpassword', pdf('libreoffice-writer-password.pdf'))).stdout).toMatch(
      new RegExp(`^replaced #${id} “.+” with libreoffice-writer-password\\.pdf;`),
    );
  }, 60_000);
});
