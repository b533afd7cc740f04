import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file an export produces, at a path relative to the export's folder ('/'-separated). */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
}

/** Content to write: whole, or in pieces so a large export never needs one giant string. */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * Writes a file so that the final name only ever holds a complete file: the bytes go to a
 * temporary file in the same folder (rename is atomic only within one file system), are
 * flushed to disk, and only then is the temporary file renamed over the final name.
 *
 * With `replace: false` the file must not exist: it is linked into place instead, which fails
 * (`EEXIST`) rather than replace a file that someone created after the caller looked.
 */
export function writeFileAtomically(file: string, content: FileContent, { replace = true }: { replace?: boolean } = {}): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.${TEMPORARY_SUFFIX}`);
  try {
    writeAndSync(temp, content);
    if (replace) fs.renameSync(temp, file);
    else linkIntoPlace(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

function linkIntoPlace(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    if (fs.lstatSync(file, { throwIfNoEntry: false })) throw Object.assign(new Error(`EEXIST: file already exists, link '${file}'`), { code: 'EEXIST', syscall: 'link' });
    fs.renameSync(temp, file);
    return;
  }
  fs.rmSync(temp, { force: true });
}

const TEMPORARY_SUFFIX = 'tmp';
/** A leftover untouched for this long is no longer being written by anyone: a running write keeps its file fresh. */
export const LEFTOVER_AGE_MS = 5 * 60 * 1000;

/**
 * Whether `entry` is a name Fieldbook gives a file while writing one named BASE:
 * `.BASE.0123456789ab.tmp` (backups and restores use other suffixes, passed in `suffixes`).
 */
export function isLeftoverName(entry: string, isBase: (base: string) => boolean, suffixes: readonly string[] = [TEMPORARY_SUFFIX]): boolean {
  const match = /^\.(.+)\.[0-9a-f]{12}\.([a-z]+)$/.exec(entry);
  return match !== null && suffixes.includes(match[2]!) && isBase(match[1]!);
}

/**
 * Removes what an interrupted write left in `folder`: only entries `matches` accepts (names
 * Fieldbook generates, see isLeftoverName), only plain files and folders (never a link), and only
 * once they have sat untouched for minAgeMs, so a write still running elsewhere keeps its file.
 */
export function removeLeftovers(
  folder: string,
  matches: (entry: string) => boolean,
  { now = Date.now(), minAgeMs = LEFTOVER_AGE_MS }: { now?: number; minAgeMs?: number } = {},
): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!(entry.isFile() || entry.isDirectory()) || !matches(entry.name)) continue;
    const full = path.join(folder, entry.name);
    const stat = fs.lstatSync(full, { throwIfNoEntry: false });
    if (!stat || now - stat.mtimeMs < minAgeMs) continue;
    fs.rmSync(full, { recursive: entry.isDirectory(), force: true });
    removed.push(full);
  }
  return removed;
}

/** Refuses paths that would land outside the export folder. */
export function safeRelativeParts(relative: string): string[] {
  const parts = relative.split(/[\\/]+/).filter((p) => p.length > 0);
  if (parts.length === 0 || path.isAbsolute(relative) || parts.some((p) => p === '.' || p === '..' || p.includes('\0'))) {
    throw new Error(`Refusing to write outside the export folder: ${JSON.stringify(relative)}`);
  }
  return parts;
}

function writeAndSync(file: string, content: FileContent): void {
  const fd = fs.openSync(file, 'wx');
  try {
    const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the rename itself durable; folders cannot be opened for syncing on Windows, which is fine to skip. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the data itself was already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
