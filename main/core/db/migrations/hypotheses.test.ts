import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration120 } from '../../../testing/schema-120';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-120-');
});
afterEach(() => t.cleanup());

describe('migration 120: analyses of competing hypotheses', () => {
  it('brings a library from before analyses in with none, ready to analyse', () => {
    const old = reopenedFromSchema(t, 110, undoMigration120);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    expect(callOn(old, 'ach.list', {})).toEqual([]);
    const analysis = callOn(old, 'ach.create', { name: 'After' });
    expect(callOn(old, 'ach.addHypothesis', { analysisId: analysis.id, text: 'H' }).hypotheses).toHaveLength(1);
  });

  it('holds the ratings and weights in the table too, whoever writes', () => {
    const analysis = callOn(t.library, 'ach.addEvidence', { analysisId: callOn(t.library, 'ach.create', { name: 'A' }).id, text: 'E' });
    const db = t.library.db;
    expect(() => db.prepare('UPDATE analysis_evidence SET weight = 0 WHERE id = ?').run(analysis.evidence[0]!.id)).toThrow(/CHECK/);
    const hypothesis = callOn(t.library, 'ach.addHypothesis', { analysisId: analysis.id, text: 'H' }).hypotheses[0]!;
    expect(() => db.prepare("INSERT INTO analysis_ratings VALUES (?, ?, 'X')").run(analysis.evidence[0]!.id, hypothesis.id)).toThrow(/CHECK/);
  });
});
