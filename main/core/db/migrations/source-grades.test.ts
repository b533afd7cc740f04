import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration100 } from '../../../testing/schema-60';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-100-');
});
afterEach(() => t.cleanup());

describe('migration 100: source grades', () => {
  it('brings a library from before grading in with nothing graded, ready to grade', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    const documentId = summary!.id;
    const highlight = callOn(t.library, 'highlights.create', { documentId, start: 0, end: 5, colour: 'yellow' });

    // As Fieldbook 90 left it: no grades.
    const old = reopenedFromSchema(t, 90, undoMigration100);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    expect(callOn(old, 'documents.get', { id: documentId })).toMatchObject({ reliability: null, credibility: null });
    expect(callOn(old, 'highlights.list', { documentId })).toMatchObject([
      { id: highlight.id, credibility: null, grade: { reliability: null, credibility: null, credibilityFromDocument: false } },
    ]);
    callOn(old, 'documents.grade', { id: documentId, reliability: 'A', credibility: 1 });
    expect(callOn(old, 'highlights.list', { documentId })[0]!.grade).toEqual({ reliability: 'A', credibility: 1, credibilityFromDocument: true });
  });

  it('holds the code in the table too, whoever writes', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    expect(() => t.library.db.prepare("UPDATE documents SET reliability = 'G' WHERE id = ?").run(summary!.id)).toThrow(/CHECK/);
    expect(() => t.library.db.prepare('UPDATE documents SET credibility = 0 WHERE id = ?').run(summary!.id)).toThrow(/CHECK/);
  });
});
