import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FieldbookError } from '../errors';
import { useLibrary, type LibraryLock, type LibraryUser } from './library-lock';
import { currentSchemaVersion, migrate } from './migrations/index';
import { registerPassageFunctions } from '../search/passage-functions';

/** 'FBK1': marks a SQLite file as a Fieldbook library, so we never migrate someone else's database. */
export const APPLICATION_ID = 0x46424b31;

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
  /**
   * Who is opening it, for as long as it stays open (see library-lock.ts): the library then can't
   * be replaced under this process, and this refuses while a backup is being restored into it.
   */
  user?: LibraryUser;
}

export interface OpenedLibrary {
  library: Library;
  /** True when this call created the library, which is when first-run content is added. */
  created: boolean;
}

export class Library {
  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    private readonly lock: LibraryLock | undefined,
  ) {}

  static open(file: string, options: OpenOptions = {}): OpenedLibrary {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lock = options.user ? useLibrary(file, options.user) : undefined;
    try {
      return Library.openDatabase(file, options, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  private static openDatabase(file: string, options: OpenOptions, lock: LibraryLock | undefined): OpenedLibrary {
    const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
    let db: Database.Database;
    try {
      db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    } catch (error) {
      throw unavailable(file, error);
    }
    try {
      assertFieldbookLibrary(db, file, existed);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      if (!existed) db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
    } catch (error) {
      db.close();
      if (error instanceof FieldbookError) throw error;
      throw unavailable(file, error);
    }
    return { library: new Library(db, file, lock), created: !existed };
  }

  /**
   * A second, read-only connection to a library another connection has opened (and migrated):
   * under WAL it reads the last committed state while that one writes, so a long import does not
   * hold up a list or a search. It takes no claim (see library-lock.ts): its opener holds one.
   */
  static openReadOnly(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Library {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    } catch (error) {
      throw unavailable(file, error);
    }
    try {
      db.pragma('busy_timeout = 5000');
      // Reads never run the triggers that call it; registered so a connection is never without it.
      registerPassageFunctions(db);
    } catch (error) {
      db.close();
      throw unavailable(file, error);
    }
    return new Library(db, file, undefined);
  }

  /** Runs fn in one IMMEDIATE transaction: it all lands, or none of it does. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }
}

function assertFieldbookLibrary(db: Database.Database, file: string, existed: boolean): void {
  if (!existed) return;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
  const foreign = applicationId !== APPLICATION_ID && (applicationId !== 0 || hasTables || currentSchemaVersion(db) !== 0);
  if (foreign) {
    throw new FieldbookError(
      'library_unavailable',
      `${file} is not a Fieldbook library. It was left untouched; choose another library.`,
    );
  }
}

function unavailable(file: string, error: unknown): FieldbookError {
  const reason = error instanceof Error ? error.message : String(error);
  return new FieldbookError(
    'library_unavailable',
    `The library ${file} could not be opened (${reason}). It was left untouched; choose another library or restore a backup.`,
  );
}
