import path from 'node:path';
import { restoreBackup } from '../../core/backup/backup-library';
import { FieldbookError } from '../../core/errors';
import { callOp } from '../call-op';
import { CliFailure, EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable } from '../format-table';
import { writeJson } from '../write-json';

export function runBackup({ library, io }: CommandInput): number {
  const backup = callOp(library, 'backup.now', {});
  io.stdout.write(`backed up to ${backup.file}\n`);
  return EXIT_OK;
}

export function runBackups({ library, io, json }: CommandInput): number {
  const backups = callOp(library, 'backup.list', {});
  if (json) {
    writeJson(io, backups);
    return EXIT_OK;
  }
  if (backups.length === 0) {
    io.stdout.write('No backups yet.\n');
    return EXIT_OK;
  }
  io.stdout.write(
    formatTable(
      [{ header: 'MADE' }, { header: 'SIZE', align: 'right' }, { header: 'FILE' }],
      backups.map((b) => [b.createdAt, `${(b.size / (1024 * 1024)).toFixed(1)} MB`, b.file]),
    ),
  );
  return EXIT_OK;
}

/**
 * Puts a backup in the library's place. The library is closed first, and the one it replaces is
 * kept aside, never deleted: restoring the wrong backup loses nothing. Refused while the browser
 * host, the app or another command has the library open (restoreBackup says which).
 */
export function runRestoreBackup({ library, io, operands }: CommandInput): number {
  const backup = path.resolve(operands[0]!);
  const file = library.file;
  library.close();
  try {
    const { setAside } = restoreBackup(file, backup, 'command');
    io.stdout.write(`restored ${path.basename(backup)}${setAside ? `; the library as it was is kept at ${setAside}` : ''}\n`);
  } catch (error) {
    if (error instanceof FieldbookError) throw new CliFailure(error.message);
    throw error;
  }
  return EXIT_OK;
}
