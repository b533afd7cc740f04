import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../ops';
import { openLibrary } from '../../core/open-library';
import { packageResourcesDir } from '../../core/resources-dir';
import { runCliCaptured } from '../run-cli-captured';

let dir: string;
let libraryDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-export-'));
  libraryDir = path.join(dir, 'library');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(libraryDir, dir, argv);

/** Changes the library the way the app would, through the operations table. */
function withLibrary<T>(fn: (call: (name: string, input: unknown) => { id: number }) => T): T {
  const library = openLibrary(path.join(libraryDir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  try {
    return fn((name, input) => {
      const result = dispatch({ library }, name, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: number };
    });
  } finally {
    library.close();
  }
}

/** Every file under a folder, '/'-separated, with its content. */
function tree(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(folder, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

describe('a vault export into a folder that already holds the user’s files', () => {
  it('writes beside them into a Fieldbook folder, says so, and touches none of them', async () => {
    const vault = path.join(dir, 'V');
    fs.mkdirSync(path.join(vault, 'Journal'), { recursive: true });
    fs.mkdirSync(path.join(vault, '.obsidian'));
    fs.writeFileSync(path.join(vault, 'Journal', 'a.md'), 'mine');
    fs.writeFileSync(path.join(vault, '.obsidian', 'app.json'), '{}');
    const before = tree(vault);

    const ran = await cli('export', '--format', 'vault', '--out', vault);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toContain(`to ${path.join(vault, 'Fieldbook')} (${vault} already held other files`);
    const after = tree(vault);
    expect(after).toMatchObject(before);
    expect(Object.keys(after).filter((f) => f.startsWith('Fieldbook/Documents/'))).toHaveLength(1);
  });

  it('updates its own export in place, removing only the files it wrote that are gone from the library', async () => {
    const vault = path.join(dir, 'vault');
    const kept = withLibrary((call) => {
      const kept = call('notes.create', { title: 'Kept' });
      call('notes.create', { title: 'Dropped' });
      return kept;
    });
    expect((await cli('export', '--format', 'vault', '--out', vault)).code).toBe(0);
    expect(fs.existsSync(path.join(vault, 'Notes', 'Dropped.md'))).toBe(true);
    fs.writeFileSync(path.join(vault, 'Notes', 'My own.md'), 'written in Obsidian');

    withLibrary((call) => {
      const dropped = (call('notes.list', {}) as unknown as Array<{ id: number; title: string }>).find((n) => n.title === 'Dropped')!;
      call('notes.delete', { id: dropped.id });
      call('notes.save', { id: kept.id, title: 'Kept', body: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'new words', format: 0, detail: 0, mode: 'normal', style: '' }] }] } } });
    });
    const again = await cli('export', '--format', 'vault', '--out', vault);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    // Only the note that changed is written again.
    expect(again.stdout).toMatch(new RegExp(`^wrote 1 file to ${vault}; \\d+ files? already up to date; removed 1 file an earlier export wrote that is no longer in the library\n$`));
    expect(fs.existsSync(path.join(vault, 'Notes', 'Dropped.md'))).toBe(false);
    expect(fs.readFileSync(path.join(vault, 'Notes', 'Kept.md'), 'utf8')).toContain('new words');
    expect(fs.readFileSync(path.join(vault, 'Notes', 'My own.md'), 'utf8')).toBe('written in Obsidian');
  });

  it('refuses, writing nothing, when a file it would replace was changed after it wrote it', async () => {
    const vault = path.join(dir, 'vault');
    withLibrary((call) => call('notes.create', { title: 'Edited' }));
    expect((await cli('export', '--format', 'vault', '--out', vault)).code).toBe(0);
    fs.writeFileSync(path.join(vault, 'Notes', 'Edited.md'), 'my edits in Obsidian');
    const before = tree(vault);
    withLibrary((call) => call('notes.create', { title: 'Another' }));

    const ran = await cli('export', '--format', 'vault', '--out', vault);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/Notes\/Edited\.md, which Fieldbook did not write or which changed since; nothing was written/);
    expect(tree(vault)).toEqual(before);
  });

  it('refuses a folder whose Fieldbook subfolder holds someone else’s files too', async () => {
    const vault = path.join(dir, 'V');
    fs.mkdirSync(path.join(vault, 'Fieldbook'), { recursive: true });
    fs.writeFileSync(path.join(vault, 'Fieldbook', 'plans.md'), 'mine');
    const ran = await cli('export', '--format', 'vault', '--out', vault);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/holds files Fieldbook did not write/);
    expect(tree(vault)).toEqual({ 'Fieldbook/plans.md': 'mine' });
  });
});

describe('an export aimed at the library', () => {
  it('refuses the library file, its WAL, its folder, its backups and a link to it, leaving the library working', async () => {
    expect((await cli('backup')).code).toBe(0);
    const library = path.join(libraryDir, 'library.sqlite');
    const backup = path.join(libraryDir, 'Backups', fs.readdirSync(path.join(libraryDir, 'Backups'))[0]!);
    fs.symlinkSync(library, path.join(dir, 'link.json'));
    const before = fs.readFileSync(backup);
    for (const out of [
      library,
      `${library}-wal`,
      path.join(libraryDir, 'Backups', '..', 'library.sqlite'),
      libraryDir,
      backup,
      path.join(libraryDir, 'Backups', 'new.json'),
      path.join(dir, 'link.json'),
    ]) {
      const ran = await cli('export', '--format', 'json', '--out', out);
      expect(ran.code, out).toBe(1);
      expect(ran.stderr, out).toMatch(/^fieldbook: .*(is the library itself|library’s own folder|Backups folder)/);
    }
    expect(fs.readFileSync(backup)).toEqual(before);
    expect(fs.existsSync(path.join(libraryDir, 'Backups', 'new.json'))).toBe(false);
    expect((await cli('export', '--format', 'vault', '--out', path.join(libraryDir, 'Backups'))).code).toBe(1);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1);
  });

  it('refuses a copy of the library kept elsewhere', async () => {
    expect((await cli('backup')).code).toBe(0);
    const copy = path.join(dir, 'before-restore.sqlite');
    fs.copyFileSync(path.join(libraryDir, 'Backups', fs.readdirSync(path.join(libraryDir, 'Backups'))[0]!), copy);
    const ran = await cli('export', '--format', 'csv', '--out', copy);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/is a Fieldbook library or backup/);
  });
});

describe('a single-file export', () => {
  it('goes inside a folder named as --out, under its own name, and never replaces a folder or a pipe', async () => {
    const out = path.join(dir, 'exports');
    fs.mkdirSync(out);
    const ran = await cli('export', '--format', 'csv', '--out', out);
    expect(ran).toMatchObject({ code: 0, stdout: `wrote ${path.join(out, 'Fieldbook library - highlights.csv')}\n` });

    const newFolder = path.join(dir, 'new folder');
    expect((await cli('export', '--format', 'csv', '--out', `${newFolder}/`)).stdout).toBe(`wrote ${path.join(newFolder, 'Fieldbook library - highlights.csv')}\n`);

    const taken = path.join(dir, 'taken', 'Fieldbook library - highlights.csv');
    fs.mkdirSync(taken, { recursive: true });
    fs.writeFileSync(path.join(taken, 'mine.txt'), 'mine');
    const clash = await cli('export', '--format', 'csv', '--out', path.dirname(taken));
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/is a folder/);
    expect(fs.readFileSync(path.join(taken, 'mine.txt'), 'utf8')).toBe('mine');

    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const piped = await cli('export', '--format', 'csv', '--out', fifo);
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(/is not a regular file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('an export to a path that cannot be written', () => {
  it('refuses a broken link, a loop of links or an overlong name with a plain message, changing nothing', async () => {
    const broken = path.join(dir, 'broken');
    fs.symlinkSync(path.join(dir, 'nowhere'), broken);
    const loop = path.join(dir, 'loop');
    fs.symlinkSync(loop, loop);
    const long = path.join(dir, `${'a'.repeat(300)}.json`);
    for (const [format, out, reason] of [
      ['vault', broken, /is a link to .*nowhere, which does not exist/],
      ['json', broken, /is a link to .*nowhere, which does not exist/],
      ['vault', loop, /too many symbolic links/],
      ['json', loop, /too many symbolic links/],
      ['json', long, /name too long/],
    ] as const) {
      const ran = await cli('export', '--format', format, '--out', out);
      expect(ran.code, `${format} ${out}`).toBe(1);
      expect(ran.stderr, `${format} ${out}`).toMatch(reason);
      expect(ran.stderr, `${format} ${out}`).not.toMatch(/unexpected error|ENOENT|ELOOP|ENAMETOOLONG|realpath/);
    }
    expect(fs.readlinkSync(broken)).toBe(path.join(dir, 'nowhere'));
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });
});

describe('a vault export of a library holding PDFs and EPUBs', () => {
  /** Real documents of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
  const DOCUMENTS = path.resolve(import.meta.dirname, '../../../../shared/testdata/documents');
  const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('writes each one’s file beside the notes, byte for byte', async () => {
    const pdf = path.join(DOCUMENTS, 'tracemonkey.pdf');
    const epub = path.join(DOCUMENTS, 'calibre-quick-start.epub');
    const imported = await cli('import', pdf, epub);
    expect(imported.code).toBe(0);
    const paperId = /imported tracemonkey\.pdf as #(\d+)/.exec(imported.stdout)![1]!;
    const vault = path.join(dir, 'vault');
    expect(await cli('export', '--format', 'vault', '--out', vault)).toMatchObject({ code: 0, stderr: '' });
    expect(sha256(path.join(vault, 'Attachments', 'tracemonkey.pdf'))).toBe(sha256(pdf));
    expect(sha256(path.join(vault, 'Attachments', 'calibre-quick-start.epub'))).toBe(sha256(epub));

    // Exported again naming them only, the copies the first export wrote stay where they are, still its own.
    const named = await cli('export', '--format', 'vault', '--originals', 'refer', '--out', vault);
    expect(named).toMatchObject({ code: 0, stderr: '' });
    expect(named.stdout).toMatch(/; left 2 files an earlier export wrote in Attachments\/, which this one only names\n$/);
    expect(sha256(path.join(vault, 'Attachments', 'tracemonkey.pdf'))).toBe(sha256(pdf));
    expect(fs.readFileSync(path.join(vault, 'Documents', 'Trace-based Just-in-Time Type Specialization for Dynamic Languages.md'), 'utf8')).toContain(
      'Not in this vault: “tracemonkey.pdf” (PDF, 992 KB)',
    );
    // And carried again, they are the same files: nothing is refused as someone else's.
    const carried = await cli('export', '--format', 'vault', '--out', vault);
    expect(carried).toMatchObject({ code: 0, stderr: '' });
    expect(sha256(path.join(vault, 'Attachments', 'calibre-quick-start.epub'))).toBe(sha256(epub));
    expect(await cli('export', '--format', 'csv', '--originals', 'refer', '--out', path.join(dir, 'h.csv'))).toMatchObject({ code: 2 });

    // A copy of a file the library no longer holds (the paper was replaced by another PDF) is not kept.
    expect((await cli('import', '--replace', paperId, path.join(DOCUMENTS, 'issue16063.pdf'))).code).toBe(0);
    const afterReplace = await cli('export', '--format', 'vault', '--originals', 'refer', '--out', vault);
    expect(afterReplace.stdout).toMatch(/removed \d+ files an earlier export wrote .*; left 1 file an earlier export wrote in Attachments\//);
    expect(fs.existsSync(path.join(vault, 'Attachments', 'tracemonkey.pdf'))).toBe(false);
    expect(sha256(path.join(vault, 'Attachments', 'calibre-quick-start.epub'))).toBe(sha256(epub));
  }, 120_000);
});
