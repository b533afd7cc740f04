import fs from 'node:fs';
import path from 'node:path';
import { defaultBackupFolder } from '../backup/backup-library';
import { APPLICATION_ID } from '../db/library';
import { FieldbookError } from '../errors';

/**
 * Where an export may land. An export is a copy of the library, so it must never be written over
 * the library itself, the files SQLite keeps beside it, its folder or its backups: the check is
 * made on real paths, so a symbolic link, `..` or a different spelling cannot get round it.
 */
export function assertNotLibraryPath(out: string, libraryFile: string): void {
  const target = realPath(out);
  const library = realPath(libraryFile);
  const folder = path.dirname(library);
  if (['', '-wal', '-shm', '-journal'].some((suffix) => samePath(target, library + suffix))) {
    throw refused(`${out} is the library itself; an export there would replace it. Choose another file.`);
  }
  if (samePath(target, folder)) {
    throw refused(`${out} is the library’s own folder; choose another folder for the export.`);
  }
  if (isInside(target, realPath(defaultBackupFolder(library))) || isInside(target, realPath(defaultBackupFolder(libraryFile)))) {
    throw refused(`${out} is in the library’s Backups folder, which holds only backups; choose another place for the export.`);
  }
  if (isFieldbookDatabase(target)) {
    throw refused(`${out} is a Fieldbook library or backup; an export there would replace it. Choose another file.`);
  }
}

/**
 * The file a single-file export writes when asked for `out`: out itself (through a symbolic link
 * to its target), or the export's own name inside out when out is a folder or ends with a slash.
 * Anything that is neither a missing name nor a regular file (a folder in the way, a pipe, a
 * device) is refused.
 */
export function singleFileDestination(out: string, fileName: string): string {
  const requested = realPath(out);
  const stat = fs.statSync(requested, { throwIfNoEntry: false });
  const intoFolder = stat?.isDirectory() || /[\\/]$/.test(out);
  const file = intoFolder ? realPath(path.join(requested, fileName)) : requested;
  assertNotBrokenLink(file);
  const existing = file === requested ? stat : fs.statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    throw refused(`${file} is ${existing.isDirectory() ? 'a folder' : 'not a regular file'}; the export was not written. Choose a file name.`);
  }
  return file;
}

/**
 * Refuses a symbolic link whose target is missing. Writing through it would create a file
 * wherever it points (beside the library, say, where a stray `-journal` would be read as the
 * library's own), and writing over it would remove the user's link.
 */
export function assertNotBrokenLink(p: string): void {
  if (!fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() || fs.existsSync(p)) return;
  throw refused(`${p} is a link to ${path.resolve(path.dirname(p), fs.readlinkSync(p))}, which does not exist; the export was not written. Choose another place.`);
}

/**
 * What went wrong with a file, in words, for an error from the file system (`EACCES`, `ENOSPC`…);
 * null for any other error.
 */
export function fileProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(error instanceof Error) || !('syscall' in error)) return null;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENAMETOOLONG: 'a name too long for the file system',
    ELOOP: 'too many symbolic links in the way (a link that leads back to itself?)',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'something is already in the way',
    ENOENT: 'part of the path does not exist',
    EBUSY: 'it is in use',
    EIO: 'the disk could not be read or written',
  };
  return words[code] ?? error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

/** Resolves symbolic links in the part of the path that exists; the rest is taken as written. */
export function realPath(p: string): string {
  const absolute = path.resolve(p);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

// macOS and Windows file systems usually ignore case, so `Library.SQLITE` is the library there.
const foldCase = (p: string) => (process.platform === 'darwin' || process.platform === 'win32' ? p.toLowerCase() : p);

function samePath(a: string, b: string): boolean {
  return foldCase(path.resolve(a)) === foldCase(path.resolve(b));
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(foldCase(parent), foldCase(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A library or backup wherever it sits: SQLite's header with Fieldbook's application id. */
function isFieldbookDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(72);
    if (fs.readSync(fd, header, 0, 72, 0) < 72) return false;
    return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' && header.readUInt32BE(68) === APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const refused = (message: string) => new FieldbookError('refused', message);
