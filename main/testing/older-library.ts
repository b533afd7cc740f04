import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Library } from '../core/db/library';
import type { TempLibrary } from './temp-library';

/**
 * The test's library as an older Fieldbook left it: taken back to schema `version` by `undo`
 * (`asLeft` may look at it then), copied aside, and opened again, which migrates the copy to
 * today's schema as a user's library would be. Used by tests only.
 */
export function reopenedFromSchema(
  t: TempLibrary,
  version: number,
  undo: (db: Database.Database) => void,
  asLeft: (db: Database.Database) => void = () => undefined,
): Library {
  const db = t.library.db;
  db.transaction(() => {
    undo(db);
    db.pragma(`user_version = ${version}`);
  })();
  asLeft(db);
  const name = `schema-${version}.sqlite`;
  db.exec(`VACUUM INTO '${path.join(t.dir, name).replaceAll("'", "''")}'`);
  return t.open(name);
}
