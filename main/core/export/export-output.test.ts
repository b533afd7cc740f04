import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExportFile, writeExportFolder } from './export-output';
import { LEFTOVER_AGE_MS } from './write-atomically';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-export-output-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file as an interrupted run leaves it: a name Fieldbook generates, untouched for a while. */
function leftover(file: string, ageMs = LEFTOVER_AGE_MS + 60_000): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'half an export');
  const then = new Date(Date.now() - ageMs);
  fs.utimesSync(file, then, then);
  return file;
}

describe('what interrupted exports leave behind', () => {
  it('is cleaned by the next run of the same single-file export, and nothing else is', () => {
    const out = path.join(dir, 'notes.md');
    const stale = leftover(path.join(dir, '.notes.md.0123456789ab.tmp'));
    const running = leftover(path.join(dir, '.notes.md.ba9876543210.tmp'), 1000);
    const otherExport = leftover(path.join(dir, '.other.md.0123456789ab.tmp'));
    const users = leftover(path.join(dir, '.notes.md.backup.tmp'));
    writeExportFile(out, '# Notes\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('# Notes\n');
    expect(fs.existsSync(stale)).toBe(false);
    for (const kept of [running, otherExport, users]) expect(fs.existsSync(kept), kept).toBe(true);
  });

  it('is cleaned inside a vault, and beside it where earlier versions built and set aside whole folders', () => {
    const vault = path.join(dir, 'vault');
    writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a' }]);
    const inside = leftover(path.join(vault, 'Notes', '.a.md.0123456789ab.tmp'));
    const manifest = leftover(path.join(vault, '..fieldbook-export.json.0123456789ab.tmp'));
    const built = path.join(dir, '.vault.0123456789ab.tmp');
    const setAside = path.join(dir, '.vault.0123456789ab.old');
    leftover(path.join(built, 'Notes', 'a.md'));
    leftover(path.join(setAside, 'Notes', 'a.md'));
    for (const folder of [built, setAside]) fs.utimesSync(folder, new Date(0), new Date(0));
    const users = leftover(path.join(vault, 'Notes', '.mine.md.0123456789ab.tmp'));

    writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a2' }]);
    for (const gone of [inside, manifest, built, setAside]) expect(fs.existsSync(gone), gone).toBe(false);
    expect(fs.existsSync(users)).toBe(true);
    expect(fs.readFileSync(path.join(vault, 'Notes', 'a.md'), 'utf8')).toBe('a2');
  });
});

describe('a folder export', () => {
  it('never writes through a link inside the folder, nor over one', () => {
    const vault = path.join(dir, 'vault');
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    writeExportFolder(vault, 'vault', [{ path: 'Actors/x.md', content: 'x' }]);
    fs.symlinkSync(elsewhere, path.join(vault, 'Notes'));
    expect(() => writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a' }])).toThrow(/Notes\/a\.md, which Fieldbook did not write/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('ignores paths outside the folder that a tampered manifest names', () => {
    const vault = path.join(dir, 'vault');
    const victim = path.join(dir, 'victim.md');
    fs.writeFileSync(victim, 'a');
    writeExportFolder(vault, 'vault', [{ path: 'a.md', content: 'a' }]);
    const manifestFile = path.join(vault, '.fieldbook-export.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, string[]> };
    manifest.files['../victim.md'] = manifest.files['a.md']!;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    writeExportFolder(vault, 'vault', [{ path: 'b.md', content: 'b' }]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('a');
    expect(fs.existsSync(path.join(vault, 'a.md'))).toBe(false);
  });

  it('never removes a file through a link among its folders, whatever the manifest lists', () => {
    const vault = path.join(dir, 'vault');
    const mine = path.join(dir, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'thesis.md'), 'my thesis');
    writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a' }]);
    // A vault shared or synced with someone else: Notes is now a link, and the manifest names a file behind it.
    fs.rmSync(path.join(vault, 'Notes'), { recursive: true });
    fs.symlinkSync(mine, path.join(vault, 'Notes'));
    const manifestFile = path.join(vault, '.fieldbook-export.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, string[]> };
    manifest.files['Notes/thesis.md'] = [createHash('sha256').update('my thesis').digest('hex')];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    expect(writeExportFolder(vault, 'vault', [{ path: 'Actors/b.md', content: 'b' }])).toMatchObject({ written: 1, removed: 0 });
    expect(fs.readFileSync(path.join(mine, 'thesis.md'), 'utf8')).toBe('my thesis');
  });

  it('replaces a file whose title changed only in case, leaving no stale twin behind', () => {
    const vault = path.join(dir, 'vault');
    writeExportFolder(vault, 'vault', [{ path: 'Notes/gao.md', content: 'a' }]);
    expect(writeExportFolder(vault, 'vault', [{ path: 'Notes/Gao.md', content: 'a' }])).toMatchObject({ written: 1, removed: 1 });
    expect(fs.readdirSync(path.join(vault, 'Notes'))).toEqual(['Gao.md']);
    // Once gone from the library, the note's file goes too.
    writeExportFolder(vault, 'vault', [{ path: 'Notes/other.md', content: 'o' }]);
    expect(fs.readdirSync(path.join(vault, 'Notes'))).toEqual(['other.md']);
  });

  it('never replaces a file that someone writes while the export runs', () => {
    const vault = path.join(dir, 'vault');
    writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a' }]);
    const mine = path.join(vault, 'Notes', 'b.md');
    // Obsidian (or a sync) saves Notes/b.md after the export has looked and before it writes.
    function* racing() {
      yield { path: 'Notes/a.md', content: 'a2' };
      yield { path: 'Notes/b.md', content: 'b' };
      fs.writeFileSync(mine, 'written in Obsidian meanwhile');
    }
    expect(() => writeExportFolder(vault, 'vault', racing())).toThrow(/Notes\/b\.md appeared or changed in .* while the export was written/);
    expect(fs.readFileSync(mine, 'utf8')).toBe('written in Obsidian meanwhile');
    // The next export sees it as the user's, not as its own.
    expect(() => writeExportFolder(vault, 'vault', [{ path: 'Notes/b.md', content: 'b' }])).toThrow(/Notes\/b\.md, which Fieldbook did not write/);
    expect(fs.readFileSync(mine, 'utf8')).toBe('written in Obsidian meanwhile');
  });

  it('takes a folder holding only what the system leaves in any folder as empty, and leaves that alone', () => {
    const vault = path.join(dir, 'New vault');
    fs.mkdirSync(vault);
    fs.writeFileSync(path.join(vault, '.DS_Store'), 'Finder');
    fs.writeFileSync(path.join(vault, 'desktop.ini'), 'Explorer');
    expect(writeExportFolder(vault, 'vault', [{ path: 'Notes/a.md', content: 'a' }])).toMatchObject({ folder: vault, intoSubfolder: false });
    expect(fs.readFileSync(path.join(vault, '.DS_Store'), 'utf8')).toBe('Finder');
    expect(fs.readFileSync(path.join(vault, 'desktop.ini'), 'utf8')).toBe('Explorer');
  });
});
