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
 */
export function writeFileAtomically(file: string, content: FileContent): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeAndSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

/**
 * Writes a folder of files all or nothing: they are built in a hidden sibling folder, then that
 * folder is renamed into place. An existing folder of the same name (an earlier export) is
 * moved aside first and removed only once the new one is in place, or put back on failure.
 */
export function writeFolderAtomically(folder: string, files: Iterable<{ path: string; content: FileContent }>): void {
  const target = path.resolve(folder);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const temp = path.join(parent, `.${path.basename(target)}.${suffix}.tmp`);
  const old = path.join(parent, `.${path.basename(target)}.${suffix}.old`);
  fs.mkdirSync(temp);
  try {
    for (const file of files) {
      const destination = path.join(temp, ...safeRelativeParts(file.path));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      writeAndSync(destination, file.content);
    }
    syncFolder(temp);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = fs.existsSync(target);
  try {
    if (hadOld) fs.renameSync(target, old);
    fs.renameSync(temp, target);
  } catch (error) {
    if (hadOld && !fs.existsSync(target) && fs.existsSync(old)) fs.renameSync(old, target);
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  syncFolder(parent);
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}

/** Refuses paths that would land outside the export folder. */
function safeRelativeParts(relative: string): string[] {
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
