import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentFull, DocumentSummary } from '../common/records';
import { runCli } from './cli';
import { type CliRun, runCliCaptured } from './run-cli-captured';

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fieldbook.mjs');
const ARTICLE_TITLE = 'Al-Quaeda and state sanctuary in the Islamic Maghreb';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process against the temp library, with an environment that points nowhere else. */
const cli = (...argv: string[]): Promise<CliRun> => runCliCaptured(dir, dir, argv);

async function listJson(): Promise<DocumentSummary[]> {
  const ran = await cli('list', '--json');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout) as DocumentSummary[];
}

function writeFile(name: string, contents: string | Uint8Array): string {
  const file = path.join(dir, 'incoming', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, contents);
  return file;
}

describe('a fresh library', () => {
  it('lists the bundled article, as JSON and as a table', async () => {
    const documents = await listJson();
    expect(documents.map((d) => d.title)).toEqual([ARTICLE_TITLE]);
    const table = await cli('list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\s*ID\s+TITLE\s+WORDS\s+IMPORTED\n/);
    expect(table.stdout).toContain(ARTICLE_TITLE);
    expect(table.stdout).toContain(String(documents[0]!.wordCount));
  });

  it('shows the article as metadata, a blank line, then its text without the page chrome', async () => {
    const [article] = await listJson();
    const ran = await cli('show', String(article!.id));
    expect(ran.code).toBe(0);
    const [metadata, ...body] = ran.stdout.split('\n\n');
    expect(metadata).toMatch(new RegExp(`^Title:\\s+${ARTICLE_TITLE}$`, 'm'));
    expect(body.join('\n\n')).toContain('Abu Musab Abdel Wadoud');
    expect(ran.stdout).not.toContain('Hello there');
    expect(ran.stdout).not.toContain('<p>');
  });

  it('show --json gives the metadata and text but not the html', async () => {
    const [article] = await listJson();
    const ran = await cli('show', '--json', String(article!.id));
    const shown = JSON.parse(ran.stdout) as Partial<DocumentFull>;
    expect(shown.title).toBe(ARTICLE_TITLE);
    expect(shown.text).toContain('Abu Musab Abdel Wadoud');
    expect(shown).not.toHaveProperty('html');
  });

  it('accepts --library after the command too', async () => {
    await cli('list');
    let stdout = '';
    const code = await runCli(['list', '--json', '--library', dir], {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
      env: {},
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as DocumentSummary[]).map((d) => d.title)).toEqual([ARTICLE_TITLE]);
  });

  it('uses FIELDBOOK_LIBRARY when there is no --library', async () => {
    await cli('import', writeFile('only-here.txt', 'A note kept in the environment library.'));
    let stdout = '';
    const code = await runCli(['list', '--json'], {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
      env: { FIELDBOOK_LIBRARY: dir, HOME: path.join(dir, 'elsewhere') },
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as DocumentSummary[]).map((d) => d.title)).toContain('only here');
  });
});

describe('import', () => {
  it('imports a Markdown file and prints the id it can be shown by', async () => {
    const file = writeFile('field-notes.md', '# Field notes\n\nThe river crossing at *Gao* took two days.\n');
    const ran = await cli('import', file);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    const id = /#(\d+)/.exec(ran.stdout)?.[1];
    expect(ran.stdout).toContain('Field notes');
    expect(id).toBeDefined();
    const shown = await cli('show', id!);
    expect(shown.stdout).toContain('The river crossing at Gao took two days.');
    expect((await listJson()).map((d) => d.title)).toContain('Field notes');
  });

  it('says a file is already there instead of importing it twice', async () => {
    const file = writeFile('notes.md', '# Notes\n\nOnly once.\n');
    await cli('import', file);
    const again = await cli('import', writeFile('copy of notes.md', '# Notes\n\nOnly once.\n'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already/i);
    expect((await listJson()).filter((d) => d.title === 'Notes')).toHaveLength(1);
  });

  it('refuses an empty file, names it, exits non-zero and leaves the library as it was', async () => {
    const before = await listJson();
    const ran = await cli('import', writeFile('empty.md', ''));
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/^fieldbook: .*empty\.md.*\n$/);
    expect(await listJson()).toEqual(before);
  });

  it('imports the good files of a batch and reports the missing one', async () => {
    const good = writeFile('good.txt', 'A plain note about the Niger bend.');
    const missing = path.join(dir, 'incoming', 'missing.html');
    const ran = await cli('import', missing, good);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(`fieldbook: cannot read ${missing}: no such file\n`);
    expect(ran.stdout).toContain('good.txt');
    expect((await listJson()).map((d) => d.title)).toContain('good');
  });
});

describe('errors', () => {
  it('show 999 says there is no such document', async () => {
    const ran = await cli('show', '999');
    expect(ran).toEqual({ code: 1, stdout: '', stderr: 'fieldbook: There is no document with id 999.\n' });
  });

  it('show abc says the id is not valid, in one line', async () => {
    const ran = await cli('show', 'abc');
    expect(ran.code).not.toBe(0);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^fieldbook: An id must be a number\..*\n$/);
  });

  it('leaves a corrupt library file byte for byte as it was', async () => {
    const file = path.join(dir, 'library.sqlite');
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256));
    fs.writeFileSync(file, garbage);
    const ran = await cli('list');
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^fieldbook: The library .*library\.sqlite could not be opened.*untouched.*\n$/);
    expect(ran.stderr.split('\n')).toHaveLength(2);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('an unknown command prints the usage on stderr and exits 2, creating no library', async () => {
    const ran = await cli('frobnicate');
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^fieldbook: unknown command "frobnicate"\.\n/);
    expect(ran.stderr).toContain('Usage: fieldbook');
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(false);
  });

  it('--library without a path is a usage error, not a library in the current folder', async () => {
    const ran = await runCli(['list', '--library'], { stdout: { write: () => true }, stderr: { write: () => true }, env: {} });
    expect(ran).toBe(2);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    for (const argv of [['--help'], ['help'], ['list', '-h']]) {
      const ran = await cli(...argv);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain('Usage: fieldbook');
      expect(ran.stdout).toMatch(/import \[--replace ID\] \[--password PW\] FILE\.\.\./);
    }
  });
});

describe('the installed launcher', () => {
  it('runs as a user would run it: node main/cli/fieldbook.mjs --library DIR list --json', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [launcher, '--library', dir, 'list', '--json'], {
      env: { ...process.env, FIELDBOOK_LIBRARY: '' },
    });
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as DocumentSummary[]).map((d) => d.title)).toEqual([ARTICLE_TITLE]);
  });

  it('exits with the code runCli returns', async () => {
    const failed = await promisify(execFile)(process.execPath, [launcher, '--library', dir, 'show', '999']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: 'fieldbook: There is no document with id 999.\n' });
  });
});
