import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FieldbookError } from '../errors';
import { namesInFolder } from '../files/names-in-folder';

/**
 * Who has a library open, kept beside it in `library.sqlite.in-use/`: one empty file per process,
 * its name saying what it is (`shared.browser-host.4242.<start>.<random>`). SQLite lets many
 * processes share a library, so users share it; but replacing the file (restoring a backup) while
 * anyone has it open would send their later writes to the file set aside, so that takes it alone.
 *
 * Both sides register first and look second, so of two that race, at least one sees the other.
 * A file whose process is gone (a crash, a power cut) is stale: it is removed and ignored.
 */
export type LibraryUser = 'browser-host' | 'desktop-app' | 'command';

const DESCRIBED: Record<LibraryUser, string> = {
  'browser-host': 'the browser host',
  'desktop-app': 'Fieldbook',
  command: 'another fieldbook command',
};

type Mode = 'shared' | 'exclusive';

interface Claim {
  mode: Mode;
  user: LibraryUser;
  pid: number;
  /** When the process started, where the system says (Linux); a reused pid then doesn't pass for the old process. */
  started: string;
  name: string;
}

const CLAIM_NAME = /^(shared|exclusive)\.(browser-host|desktop-app|command)\.(\d+)\.(\d+|-)\.[0-9a-f]+$/;

export interface LibraryLock {
  release(): void;
}

export const inUseFolder = (libraryFile: string) => `${path.resolve(libraryFile)}.in-use`;

/**
 * Registers this process as a user of the library. Refused while a backup is being restored into
 * it. A folder that can't be written (a read-only medium) can't be restored into either, so there
 * the library opens without a claim.
 */
export function useLibrary(libraryFile: string, user: LibraryUser): LibraryLock {
  const own = register(libraryFile, 'shared', user);
  if (!own) return { release: () => {} };
  const restorer = liveClaims(libraryFile, own).find((claim) => claim.mode === 'exclusive');
  if (restorer) {
    own.release();
    throw new FieldbookError(
      'library_unavailable',
      `A backup is being restored into the library by ${DESCRIBED[restorer.user]} (pid ${restorer.pid}); open it again when that is done.`,
    );
  }
  return own;
}

/** Registers this process as the library's only user, or refuses naming who else has it open. */
export function takeLibraryAlone(libraryFile: string, user: LibraryUser): LibraryLock {
  const own = register(libraryFile, 'exclusive', user);
  if (!own) return { release: () => {} };
  const other = liveClaims(libraryFile, own)[0];
  if (other) {
    own.release();
    throw new FieldbookError('refused', `The library is open in ${DESCRIBED[other.user]} (pid ${other.pid}); close it first. Nothing was changed.`);
  }
  return own;
}

interface OwnClaim extends LibraryLock {
  name: string;
}

function register(libraryFile: string, mode: Mode, user: LibraryUser): OwnClaim | null {
  const folder = inUseFolder(libraryFile);
  const name = `${mode}.${user}.${process.pid}.${processStart(process.pid) ?? '-'}.${randomBytes(6).toString('hex')}`;
  const file = path.join(folder, name);
  // Another process may remove the folder as it empties; try again when it vanished underneath.
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(file, '', { flag: 'wx' });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt < 5) continue;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return null;
      throw error;
    }
  }
  let released = false;
  return {
    name,
    release() {
      if (released) return;
      released = true;
      fs.rmSync(file, { force: true });
      removeIfEmpty(folder);
    },
  };
}

/** Everyone else's claims whose process is still running; stale ones are cleared on the way. */
function liveClaims(libraryFile: string, own: OwnClaim): Claim[] {
  const folder = inUseFolder(libraryFile);
  const names = namesInFolder(folder);
  const live: Claim[] = [];
  for (const name of names) {
    if (name === own.name) continue;
    const claim = parseClaim(name);
    if (!claim) continue;
    if (isRunning(claim.pid, claim.started)) live.push(claim);
    else fs.rmSync(path.join(folder, name), { force: true });
  }
  return live;
}

function parseClaim(name: string): Claim | null {
  const m = CLAIM_NAME.exec(name);
  if (!m) return null;
  return { mode: m[1] as Mode, user: m[2] as LibraryUser, pid: Number(m[3]), started: m[4]!, name };
}

/**
 * Whether the process that wrote a claim still runs. Signal 0 only asks; EPERM means it runs as
 * someone else. Where the start time is known, a different one means the pid was reused.
 */
export function isRunning(pid: number, started: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (started === '-') return true;
  const now = processStart(pid);
  return now === null || now === started;
}

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or null off Linux. */
function processStart(pid: number): string | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses; the fields after it don't.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start && /^\d+$/.test(start) ? start : null;
}

function removeIfEmpty(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch {
    // Someone else still has the library open, or the folder is already gone.
  }
}
