import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNow, backupOnStart, restoreBackup } from '../backup/backup-library';
import { openLibrary } from '../open-library';
import { packageResourcesDir } from '../resources-dir';
import { inUseFolder, takeLibraryAlone, useLibrary } from './library-lock';

let dir: string;
let libraryFile: string;
let backup: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-lock-'));
  libraryFile = path.join(dir, 'library.sqlite');
  const library = openLibrary(libraryFile, { resourcesDir: packageResourcesDir() });
  backup = backupNow(library, path.join(dir, 'Backups')).file;
  library.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has come and gone. */
function deadPid(): number {
  const ran = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(ran.stdout);
}

const open = (user: 'browser-host' | 'desktop-app' | 'command') => openLibrary(libraryFile, { resourcesDir: packageResourcesDir(), user });

describe('who has the library open', () => {
  it('names the desktop app, the browser host or a command that has it open, and restores once it closes', () => {
    for (const [user, named] of [
      ['desktop-app', 'Fieldbook'],
      ['browser-host', 'the browser host'],
      ['command', 'another fieldbook command'],
    ] as const) {
      const library = open(user);
      expect(() => restoreBackup(libraryFile, backup, 'command')).toThrow(
        `The library is open in ${named} (pid ${process.pid}); close it first. Nothing was changed.`,
      );
      library.close();
    }
    expect(restoreBackup(libraryFile, backup, 'desktop-app').setAside).not.toBeNull();
    expect(fs.existsSync(inUseFolder(libraryFile)), 'nothing left behind once all have closed').toBe(false);
  });

  it('lets the app, the host and commands share the library', () => {
    const app = open('desktop-app');
    const host = open('browser-host');
    const command = open('command');
    for (const library of [command, host, app]) library.close();
    expect(fs.existsSync(inUseFolder(libraryFile))).toBe(false);
  });

  it('refuses to open the library while a backup is restored into it', () => {
    const restoring = takeLibraryAlone(libraryFile, 'desktop-app');
    try {
      expect(() => open('command')).toThrow(`A backup is being restored into the library by Fieldbook (pid ${process.pid}); open it again when that is done.`);
      expect(() => takeLibraryAlone(libraryFile, 'command')).toThrow(/open in Fieldbook/);
    } finally {
      restoring.release();
    }
    open('command').close();
  });

  it('takes over claims left by a process that is gone', () => {
    const folder = inUseFolder(libraryFile);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, `shared.browser-host.${deadPid()}.-.0123456789ab`), '');
    fs.writeFileSync(path.join(folder, `exclusive.command.${deadPid()}.-.0123456789ab`), '');
    open('browser-host').close();
    expect(restoreBackup(libraryFile, backup, 'command').setAside).not.toBeNull();
    expect(fs.existsSync(folder)).toBe(false);
  });

  it.runIf(fs.existsSync('/proc/self/stat'))('does not take a reused pid for the process that wrote the claim', () => {
    const folder = inUseFolder(libraryFile);
    fs.mkdirSync(folder);
    // This process's pid, but a start time it never had: a crashed host whose pid came round again.
    fs.writeFileSync(path.join(folder, `shared.browser-host.${process.pid}.1.0123456789ab`), '');
    expect(restoreBackup(libraryFile, backup, 'command').setAside).not.toBeNull();
  });

  it('leaves files it did not write alone', () => {
    const folder = inUseFolder(libraryFile);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'README.txt'), 'mine');
    const lock = useLibrary(libraryFile, 'command');
    lock.release();
    expect(fs.readdirSync(folder)).toEqual(['README.txt']);
  });
});

describe('leftovers of interrupted backups and restores', () => {
  it('clears a restore cut short at the next open, and a backup whose writer died at the next start', () => {
    const restoring = path.join(dir, '.library.sqlite.0123456789ab.restoring');
    fs.writeFileSync(restoring, 'half a copy');
    const backups = path.join(dir, 'Backups');
    const dead = path.join(backups, `.fieldbook-2026-01-01T00-00-00.sqlite.${deadPid()}.0123456789ab.tmp`);
    const live = path.join(backups, `.fieldbook-2026-01-01T00-00-00.sqlite.${process.pid}.0123456789ab.tmp`);
    const theirs = path.join(backups, '.fieldbook-notes.tmp');
    // Earlier versions named no pid: one from yesterday is abandoned, one from just now may be in progress.
    const olderKind = path.join(backups, '.fieldbook-2025-12-31T00-00-00.sqlite.0123456789ab.tmp');
    const olderKindNow = path.join(backups, '.fieldbook-2025-12-31T00-00-01.sqlite.0123456789ab.tmp');
    for (const file of [dead, live, theirs, olderKind, olderKindNow]) fs.writeFileSync(file, 'half a backup');
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    fs.utimesSync(olderKind, yesterday, yesterday);

    const library = open('browser-host');
    try {
      expect(fs.existsSync(restoring)).toBe(false);
      backupOnStart(library, backups);
      expect(fs.existsSync(dead)).toBe(false);
      expect(fs.existsSync(live), 'a backup still being written by a running process').toBe(true);
      expect(fs.existsSync(theirs)).toBe(true);
      expect(fs.existsSync(olderKind)).toBe(false);
      expect(fs.existsSync(olderKindNow)).toBe(true);
    } finally {
      library.close();
    }
  });
});
