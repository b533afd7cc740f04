import type Database from 'better-sqlite3';
import { FieldbookError } from '../../errors';
import { registerPassageFunctions } from '../../search/passage-functions';
import updateToSchemaVersion10 from './0010-initial';
import updateToSchemaVersion20 from './0020-passage-index';
import updateToSchemaVersion30 from './0030-change-log';
import updateToSchemaVersion50 from './0050-reading-positions';
import updateToSchemaVersion60 from './0060-note-references-by-uid';
import updateToSchemaVersion70 from './0070-document-metadata';
import updateToSchemaVersion80 from './0080-actor-mentions';
import updateToSchemaVersion90 from './0090-themes';
import updateToSchemaVersion100 from './0100-source-grades';
import updateToSchemaVersion110 from './0110-highlight-dates';
import updateToSchemaVersion120 from './0120-hypotheses';
import updateToSchemaVersion130 from './0130-analysis-search';
import updateToSchemaVersion140 from './0140-document-files';
import updateToSchemaVersion150 from './0150-document-listing-index';
import updateToSchemaVersion160 from './0160-area-highlights';
import updateToSchemaVersion170 from './0170-document-bodies';
import { textPieceBounds } from '../../documents/document-body';

interface Migration {
  version: number;
  run: (db: Database.Database) => void;
}

/** Append-only and numbered by tens; a shipped step is never edited, a new one is added. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, run: updateToSchemaVersion10 },
  { version: 20, run: updateToSchemaVersion20 },
  { version: 30, run: updateToSchemaVersion30 },
  { version: 50, run: updateToSchemaVersion50 },
  { version: 60, run: updateToSchemaVersion60 },
  { version: 70, run: updateToSchemaVersion70 },
  { version: 80, run: updateToSchemaVersion80 },
  { version: 90, run: updateToSchemaVersion90 },
  { version: 100, run: updateToSchemaVersion100 },
  { version: 110, run: updateToSchemaVersion110 },
  { version: 120, run: updateToSchemaVersion120 },
  { version: 130, run: updateToSchemaVersion130 },
  { version: 140, run: updateToSchemaVersion140 },
  { version: 150, run: updateToSchemaVersion150 },
  { version: 160, run: updateToSchemaVersion160 },
  { version: 170, run: (db) => updateToSchemaVersion170(db, (text) => textPieceBounds(text)) },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

for (let i = 1; i < MIGRATIONS.length; i++) {
  if (MIGRATIONS[i]!.version <= MIGRATIONS[i - 1]!.version) {
    throw new Error('Schema migrations must have strictly increasing versions');
  }
}

export function currentSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to SCHEMA_VERSION, all pending steps in one transaction so a crash
 * leaves either the old schema or the new one. A library from a newer Fieldbook is refused
 * untouched rather than guessed at.
 */
export function migrate(db: Database.Database): { from: number; to: number } {
  // The schema's triggers call these; every connection needs them, whether or not a step runs.
  registerPassageFunctions(db);
  const from = currentSchemaVersion(db);
  if (from > SCHEMA_VERSION) {
    throw new FieldbookError(
      'library_unavailable',
      `This library was written by a newer version of Fieldbook (schema ${from}; this version knows up to ${SCHEMA_VERSION}). It was not changed.`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length > 0) {
    db.transaction(() => {
      for (const step of pending) {
        step.run(db);
        db.pragma(`user_version = ${step.version}`);
      }
    })();
  }
  return { from, to: SCHEMA_VERSION };
}
