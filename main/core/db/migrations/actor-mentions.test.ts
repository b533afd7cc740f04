import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration80 } from '../../../testing/schema-60';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-80-');
});
afterEach(() => t.cleanup());

describe('migration 80: judged mentions', () => {
  it('keeps the one-word highlights an earlier “Accept all” made, counted as accepted mentions', () => {
    const mnla = callOn(t.library, 'actors.create', { name: 'MNLA', kind: 'group' });
    const [summary] = callOn(t.library, 'documents.list', {});
    const documentId = summary!.id;
    const [first] = callOn(t.library, 'actors.mentions', { documentId });
    const highlight = callOn(t.library, 'highlights.create', { documentId, start: first!.start, end: first!.end, colour: 'yellow' });
    callOn(t.library, 'highlights.tag', { highlightId: highlight.id, actorId: mnla.id });

    // As Fieldbook 70 left it: no table of judged mentions.
    const old = reopenedFromSchema(t, 70, undoMigration80);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    expect(callOn(old, 'highlights.list', { documentId }).map((h) => [h.exact, h.actorIds])).toEqual([['MNLA', [mnla.id]]]);
    expect(callOn(old, 'actors.mentions', { documentId }).map((m) => m.status)).toEqual(['accepted', 'suggested']);
    expect(callOn(old, 'actors.acceptMentions', { documentId, actorId: mnla.id }).accepted).toBe(1);
    expect(callOn(old, 'highlights.list', { documentId })).toHaveLength(1);
  });
});
