import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  const sizes = new Set(wanted.map((file) => file.byteSize));
  const hashes = new Set(wanted.map((file) => file.sha256));
  const found = new Map<string, { name: string; base64: string }>();
  const visit = (dir: string, depth: number) => {
    for (const entry of listFolder(dir, folder)) {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) visit(at, depth + 1);
      if (!entry.isFile() || !sizes.has(sizeOf(at))) continue;
      const bytes = fs.readFileSync(at);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (hashes.has(sha256) && !found.has(sha256)) found.set(sha256, { name: entry.name, base64: bytes.toString('base64') });
      if (found.size === hashes.size) return;
    }
  };
  visit(folder, 0);
  return [...found.values()];
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

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}
