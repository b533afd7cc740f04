import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../common/records';
import { APPLICATION_ID, type Library } from '../db/library';
import { isRunning, takeLibraryAlone, type LibraryUser } from '../db/library-lock';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { FieldbookError } from '../errors';
import { namesInFolder } from '../files/names-in-folder';

export const KEEP_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Only files named like this are ours to list or delete; anything else in the folder is left alone. */
const BACKUP_NAME = /^fieldbook-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})\.sqlite$/;
/** A backup being written, by the process whose pid it names; left behind if that process died. */
const UNFINISHED_BACKUP = /^\.fieldbook-[\dT-]+\.sqlite\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;
/** Earlier versions named no pid: theirs are surely abandoned once this old. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** The backups folder next to the library, which is where the app keeps them unless told otherwise. */
export const defaultBackupFolder = (libraryFile: string) => path.join(path.dirname(libraryFile), 'Backups');

/** fieldbook-YYYY-MM-DDTHH-mm-ss.sqlite in UTC, so names sort by time and mean the same in every time zone. */
export function backupFileName(when: Date): string {
  return `fieldbook-${when.toISOString().slice(0, 19).replace(/:/g, '-')}.sqlite`;
}

/**
 * A consistent copy of the library while it is open and in use. `VACUUM INTO` reads one
 * snapshot inside a read transaction, so concurrent writes (including ones still in the WAL) are
 * either wholly in the copy or not at all, and it is synchronous, as every op in the table is.
 * better-sqlite3's backup() is asynchronous (it copies pages in steps between event-loop turns
 * and restarts when the source changes), which the synchronous ops table cannot await; the
 * copy is also compacted. It goes to a temporary name first and is renamed only when complete.
 */
export function backupNow(library: Library, folder: string, now: Date = new Date()): BackupInfo {
  fs.mkdirSync(folder, { recursive: true });
  // Names are to the second; a second backup within the same second takes the next free one
  // rather than replacing the first.
  let when = now.getTime();
  while (fs.existsSync(path.join(folder, backupFileName(new Date(when))))) when += 1000;
  const name = backupFileName(new Date(when));
  const file = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    library.db.prepare('VACUUM INTO ?').run(temp);
    syncFile(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { file, name, createdAt: timeOfName(name)!, size: fs.statSync(file).size };
}

/** Our backups in the folder, newest first. A missing folder simply has none. */
export function listBackups(folder: string): BackupInfo[] {
  const names = namesInFolder(folder);
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const createdAt = timeOfName(name);
    if (!createdAt) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) backups.push({ file, name, createdAt, size: stat.size });
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * At start-up: a backup unless one was made in the last 24 hours, then only the newest seven
 * are kept. Returns the backup made, if any, and the ones removed.
 */
export function backupOnStart(library: Library, folder: string, now: Date = new Date()): { made: BackupInfo | null; removed: string[] } {
  removeUnfinishedBackups(folder, now);
  const newest = listBackups(folder)[0];
  const recent = newest !== undefined && Math.abs(now.getTime() - Date.parse(newest.createdAt)) < DAY_MS;
  const made = recent ? null : backupNow(library, folder, now);
  const removed: string[] = [];
  for (const old of listBackups(folder).slice(KEEP_BACKUPS)) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.name);
  }
  return { made, removed };
}

/**
 * Puts a backup in the library's place. The caller closes the library first and reopens it after.
 * Refused while any other process (or another Library in this one) has the library open: its
 * later writes would go to the file set aside. The backup is checked (whole, ours, not from a
 * newer Fieldbook) before anything is touched; it is copied next to the library under a
 * temporary name, the current library (with its -wal and -shm, which hold its latest writes) is
 * moved aside, and only then is the copy renamed in.
 */
export function restoreBackup(
  libraryFile: string,
  backupFile: string,
  by: LibraryUser,
  now: Date = new Date(),
): { restoredFrom: string; setAside: string | null } {
  verifyBackup(backupFile);
  const alone = takeLibraryAlone(libraryFile, by);
  try {
    removeRestoreLeftovers(libraryFile);
    return putInPlace(libraryFile, backupFile, now);
  } finally {
    alone.release();
  }
}

/** A restore's temporary copy, left behind only if it was cut short. */
const restoringName = (libraryFile: string) => new RegExp(`^\\.${escapeRegExp(path.basename(libraryFile))}\\.[0-9a-f]{12}\\.restoring$`);

/**
 * Removes what an interrupted restore left beside the library. Only safe while no restore can be
 * running: with the library taken alone, or open with no restorer (see library-lock.ts).
 */
export function removeRestoreLeftovers(libraryFile: string): void {
  const dir = path.dirname(path.resolve(libraryFile));
  const pattern = restoringName(libraryFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (pattern.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

function putInPlace(libraryFile: string, backupFile: string, now: Date): { restoredFrom: string; setAside: string | null } {
  const dir = path.dirname(path.resolve(libraryFile));
  const temp = path.join(dir, `.${path.basename(libraryFile)}.${randomBytes(6).toString('hex')}.restoring`);
  fs.copyFileSync(backupFile, temp);
  try {
    syncFile(temp);
    let setAside: string | null = null;
    if (fs.existsSync(libraryFile)) {
      setAside = freeAsideName(dir, now);
      fs.renameSync(libraryFile, setAside);
    }
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(libraryFile + suffix)) {
        if (setAside) fs.renameSync(libraryFile + suffix, setAside + suffix);
        else fs.rmSync(libraryFile + suffix);
      }
    }
    fs.renameSync(temp, libraryFile);
    return { restoredFrom: backupFile, setAside };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Opens the backup read-only: integrity, our application id, a schema this version can read. */
export function verifyBackup(backupFile: string): void {
  if (!fs.existsSync(backupFile)) throw new FieldbookError('not_found', `There is no backup at ${backupFile}.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(backupFile, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new FieldbookError('refused', `${path.basename(backupFile)} is not a Fieldbook library; nothing was changed.`);
    }
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new FieldbookError('refused', `The backup ${path.basename(backupFile)} is damaged (${check}); nothing was changed.`);
    }
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (schema > SCHEMA_VERSION) {
      throw new FieldbookError(
        'refused',
        `The backup ${path.basename(backupFile)} was made by a newer version of Fieldbook (schema ${schema}); nothing was changed.`,
      );
    }
  } catch (error) {
    if (error instanceof FieldbookError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FieldbookError('refused', `The backup ${path.basename(backupFile)} could not be read (${reason}); nothing was changed.`);
  } finally {
    db?.close();
  }
}

/** Backups a process began and never finished (it was killed, or the machine lost power). */
function removeUnfinishedBackups(folder: string, now: Date): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = UNFINISHED_BACKUP.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    const abandoned = m[1]
      ? !isRunning(Number(m[1]), '-')
      : now.getTime() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now.getTime()) > ABANDONED_AFTER_MS;
    if (abandoned) fs.rmSync(file, { force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function freeAsideName(dir: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  let candidate = path.join(dir, `library-before-restore-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(dir, `library-before-restore-${stamp}-${n}.sqlite`);
  return candidate;
}

function timeOfName(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** VACUUM INTO does not sync its output; a backup is only a backup once it is on the disk. */
function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
