import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../common/import-limits';
import type { ArchivedFileReference } from '../common/records';
import { CliFailure } from './cli-io';

/** Far enough for a tidy library of folders in folders; a link loop or a whole disk is not walked. */
const MAX_DEPTH = 8;

/**
 * The files under `folder` (and its subfolders) that are the ones an archive refers to, each
 * known by its bytes: only a file of a wanted size is read, so a folder of many others costs
 * a listing, not a read of every byte.
 */
export function findReferredFiles(folder: string, wanted: readonly ArchivedFileReference[]): Array<{ name: string; base64: string }> {
  // A size the library could never have imported is no file to look for: an archive is a file from anywhere.
  const sizes = new Set(wanted.map((file) => file.byteSize).filter((size) => size <= MAX_IMPORT_BYTES));
  const hashes = new Set(wanted.map((file) => file.sha256));
  const found = new Map<string, { name: string; base64: string }>();
  const visit = (dir: string, depth: number) => {
    for (const entry of listFolder(dir, folder)) {
      if (found.size === hashes.size) return;
      const at = path.join(dir, entry.name);
      // Links are followed to files, not to folders: a link back up would walk in circles.
      if (entry.isDirectory() && depth < MAX_DEPTH) visit(at, depth + 1);
      if (!(entry.isFile() || entry.isSymbolicLink()) || !sizes.has(sizeOf(at))) continue;
      const bytes = readOrSkip(at);
      if (!bytes) continue;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (hashes.has(sha256) && !found.has(sha256)) found.set(sha256, { name: entry.name, base64: bytes.toString('base64') });
    }
  };
  visit(folder, 0);
  return [...found.values()];
}

/** A file that cannot be read (gone since the listing, no permission) is passed over, as a folder is. */
function readOrSkip(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

function listFolder(dir: string, given: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // A subfolder that cannot be read is passed over; the folder the person named must be readable.
    if (dir !== given) return [];
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'it is a file, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(error);
    throw new CliFailure(`cannot read ${given}: ${reason}`);
  }
}

/** The size of what a file, or a link to one, holds; -1 for anything else. */
function sizeOf(file: string): number {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : -1;
  } catch {
    return -1;
  }
}
