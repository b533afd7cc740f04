import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration130 } from '../../../testing/schema-130';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-130-');
});
afterEach(() => t.cleanup());

describe('migration 130: analyses in the search index', () => {
  it('indexes the analyses a library already holds, by name, question, hypothesis and typed evidence', () => {
    const lib = t.library;
    const a = callOn(lib, 'ach.create', { name: 'Older analysis', question: 'Who crossed the river?' });
    callOn(lib, 'ach.addHypothesis', { analysisId: a.id, text: 'Smugglers' });
    callOn(lib, 'ach.addEvidence', { analysisId: a.id, text: 'Tracks by the ferry' });
    const old = reopenedFromSchema(t, 120, undoMigration130);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    const where = (query: string) => callOn(old, 'search.query', { query }).analyses.map((r) => [r.id, r.field, r.label]);
    expect(where('older')).toEqual([[a.id, 'name', null]]);
    expect(where('river')).toEqual([[a.id, 'question', null]]);
    expect(where('smugglers')).toEqual([[a.id, 'hypothesis', 'H1']]);
    expect(where('ferry')).toEqual([[a.id, 'evidence', 'E1']]);
    // And keeps it from then on.
    callOn(old, 'ach.addHypothesis', { analysisId: a.id, text: 'Herders' });
    expect(where('herders')).toEqual([[a.id, 'hypothesis', 'H2']]);
  });
});
