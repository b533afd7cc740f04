import { FieldbookError } from '../errors';

/**
 * SQLite's own failures that a person can act on, in words they can act on. The transaction the
 * error came from has been rolled back by then, so "nothing was saved" is true.
 */
export function storageError(error: unknown): FieldbookError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) {
    return new FieldbookError('library_unavailable', 'The disk holding the library is full, so nothing was saved. Free some space and try again.');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new FieldbookError('library_unavailable', 'The library is read-only here, so nothing was saved. Check the file’s permissions or choose another library.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new FieldbookError('library_unavailable', 'The library file is damaged, so nothing was saved. Restore a backup or choose another library.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new FieldbookError('library_unavailable', 'The library is busy in another program, so nothing was saved. Try again in a moment.');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new FieldbookError('library_unavailable', 'The library could not be written to disk, so nothing was saved. Check the disk and try again.');
  }
  return null;
}
