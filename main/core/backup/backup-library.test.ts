import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../db/library';
import { openLibrary } from '../open-library';
import { packageResourcesDir } from '../resources-dir';
import { callOn, tempLibrary } from '../../testing/temp-library';
import { APPLICATION_ID } from '../db/library';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { backupNow, backupOnStart, listBackups, restoreBackup } from './backup-library';

let dir: string;
let libraryFile: string;
let library: Library;
let backups: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-backup-'));
  libraryFile = path.join(dir, 'library.sqlite');
  library = openLibrary(libraryFile, { resourcesDir: packageResourcesDir() });
  backups = path.join(dir, 'Backups');
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => new Date(iso);
const noteTitles = (db: Database.Database) => (db.prepare('SELECT title FROM notes ORDER BY title').all() as Array<{ title: string }>).map((r) => r.title);

describe('backups', () => {
  it('copies the open library, including writes still in the WAL, into a sound, named file', () => {
    callOn(library, 'notes.create', { title: 'Written just now' });
    expect(fs.existsSync(`${libraryFile}-wal`)).toBe(true);
    const backup = backupNow(library, backups, at('2026-03-04T05:06:07.890Z'));
    expect(backup.name).toBe('fieldbook-2026-03-04T05-06-07.sqlite');
    expect(fs.readdirSync(backups)).toEqual([backup.name]);
    const copy = new Database(backup.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(noteTitles(copy)).toEqual(['Written just now']);
    } finally {
      copy.close();
    }
  });

  it('makes at most one backup a day at start-up and keeps the newest seven', () => {
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'my notes.txt'), 'not ours');
    fs.writeFileSync(path.join(backups, 'fieldbook-latest.sqlite'), 'not ours either');
    const first = backupOnStart(library, backups, at('2026-01-01T09:00:00Z'));
    expect(first.made?.name).toBe('fieldbook-2026-01-01T09-00-00.sqlite');
    expect(backupOnStart(library, backups, at('2026-01-02T08:59:59Z')).made).toBeNull();
    expect(backupOnStart(library, backups, at('2026-01-02T09:00:00Z')).made?.name).toBe('fieldbook-2026-01-02T09-00-00.sqlite');

    let removed: string[] = [];
    for (let day = 3; day <= 10; day++) removed = removed.concat(backupOnStart(library, backups, at(`2026-01-${String(day).padStart(2, '0')}T09:00:00Z`)).removed);
    expect(removed).toEqual(['fieldbook-2026-01-01T09-00-00.sqlite', 'fieldbook-2026-01-02T09-00-00.sqlite', 'fieldbook-2026-01-03T09-00-00.sqlite']);
    const kept = listBackups(backups);
    expect(kept.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-01-10', '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05', '2026-01-04']);
    expect(fs.readdirSync(backups)).toEqual(expect.arrayContaining(['my notes.txt', 'fieldbook-latest.sqlite']));
    expect(listBackups(path.join(dir, 'nowhere'))).toEqual([]);
  });

  it('restores a backup in the library’s place and keeps the replaced library aside', () => {
    callOn(library, 'notes.create', { title: 'Before the backup' });
    const backup = backupNow(library, backups, at('2026-02-01T10:00:00Z'));
    callOn(library, 'notes.create', { title: 'After the backup' });
    library.close();

    const result = restoreBackup(libraryFile, backup.file, 'command', at('2026-02-02T11:12:13Z'));

    expect(result.setAside).toBe(path.join(dir, 'library-before-restore-2026-02-02T11-12-13.sqlite'));
    library = openLibrary(libraryFile, { resourcesDir: packageResourcesDir() });
    expect(noteTitles(library.db)).toEqual(['Before the backup']);
    const aside = new Database(result.setAside!, { readonly: true });
    try {
      expect(noteTitles(aside)).toEqual(['After the backup', 'Before the backup']);
    } finally {
      aside.close();
    }
  });

  it('refuses a damaged or foreign backup without touching the library', () => {
    const foreign = path.join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'SQLite format 3\0 but not really'.repeat(200));
    const before = fs.readFileSync(libraryFile);
    expect(() => restoreBackup(libraryFile, foreign, 'command')).toThrow(/not a Fieldbook library; nothing was changed/);
    expect(() => restoreBackup(libraryFile, garbage, 'command')).toThrow(/could not be read|damaged/);
    expect(() => restoreBackup(libraryFile, path.join(dir, 'missing.sqlite'), 'command')).toThrow(/There is no backup/);
    expect(fs.readFileSync(libraryFile).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('library-before-restore') || n.startsWith('.'))).toEqual([]);
  });

  it('keeps two backups made within the same second', () => {
    const t = tempLibrary();
    try {
      const when = new Date('2026-03-01T10:00:00.100Z');
      const first = backupNow(t.library, path.join(t.dir, 'Backups'), when);
      const second = backupNow(t.library, path.join(t.dir, 'Backups'), new Date('2026-03-01T10:00:00.900Z'));
      expect(second.file).not.toBe(first.file);
      expect(listBackups(path.join(t.dir, 'Backups'))).toHaveLength(2);
    } finally {
      t.cleanup();
    }
  });
});
