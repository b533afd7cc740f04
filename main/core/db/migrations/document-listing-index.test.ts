import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { LIST_DOCUMENTS_SQL } from '../../documents/document-repo';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-150-');
});
afterEach(() => t.cleanup());

describe('migrations 150 and 170: the library list never reads a body', () => {
  it('lists from rows that hold every detail the list shows and no body, so a book costs what an article does', () => {
    const plan = t.library.db.prepare(`EXPLAIN QUERY PLAN ${LIST_DOCUMENTS_SQL}`).all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail)).toContain('SCAN d');
    expect(plan.filter((step) => /document_(text|html|bodies)/.test(step.detail))).toEqual([]);
    const columns = t.library.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('documents');
    expect(columns).not.toContain('text');
    expect(columns).not.toContain('html');
  });

  it('keeps the list true as details change', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    callOn(t.library, 'documents.update', { id: summary!.id, title: 'Sanctuary in the Maghreb', authors: ['Doe, Jane'], published: '2012-03' });
    const [listed] = callOn(t.library, 'documents.list', {});
    expect(listed).toMatchObject({ title: 'Sanctuary in the Maghreb', authors: ['Doe, Jane'], published: '2012-03' });
    expect(t.library.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});
