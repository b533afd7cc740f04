import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration110 } from '../../../testing/schema-60';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-110-');
});
afterEach(() => t.cleanup());

describe('migration 110: dated passages', () => {
  it('brings a library from before the timeline in with no events, its passages’ dates suggested', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    const documentId = summary!.id;
    const text = callOn(t.library, 'documents.get', { id: documentId }).text;
    const start = text.indexOf('Throughout 2012');
    const highlight = callOn(t.library, 'highlights.create', { documentId, start, end: start + 15, colour: 'yellow' });

    const old = reopenedFromSchema(t, 100, undoMigration110);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    const timeline = callOn(old, 'timeline.events', {});
    expect(timeline.events).toEqual([]);
    expect(timeline.suggestions).toMatchObject([{ highlightId: highlight.id, date: '2012', confirmed: false }]);
  });

  it('holds one decision per passage and date, and forgets them with the passage', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    const highlight = callOn(t.library, 'highlights.create', { documentId: summary!.id, start: 0, end: 5, colour: 'yellow' });
    const insert = t.library.db.prepare("INSERT INTO highlight_dates (highlight_id, date, status, created_at, updated_at) VALUES (?, '2012', ?, 'x', 'x')");
    insert.run(highlight.id, 'confirmed');
    expect(() => insert.run(highlight.id, 'dismissed')).toThrow(/UNIQUE/);
    expect(() => t.library.db.prepare("UPDATE highlight_dates SET status = 'maybe'").run()).toThrow(/CHECK/);
    t.library.db.prepare('DELETE FROM highlights WHERE id = ?').run(highlight.id);
    expect(t.library.db.prepare('SELECT count(*) AS n FROM highlight_dates').get()).toEqual({ n: 0 });
  });
});
