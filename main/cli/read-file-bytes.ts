import fs from 'node:fs';
import { CliFailure } from './cli-io';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large',
};

/** Reads a file the user named, or fails with a reason a person can act on. */
export function readFileBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new CliFailure(`cannot read ${file}: ${reason}`);
  }
}
