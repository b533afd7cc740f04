import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { LIST_DOCUMENTS_SQL } from '../../documents/document-repo';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-150-');
});
afterEach(() => t.cleanup());

describe('migration 150: the library list never reads a body', () => {
  it('lists from an index that holds every detail the list shows, so a book costs what an article does', () => {
    const plan = t.library.db.prepare(`EXPLAIN QUERY PLAN ${LIST_DOCUMENTS_SQL}`).all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail)).toContain('SCAN d USING COVERING INDEX documents_listed');
  });

  it('keeps the index true as details change', () => {
    const [summary] = callOn(t.library, 'documents.list', {});
    callOn(t.library, 'documents.update', { id: summary!.id, title: 'Sanctuary in the Maghreb', authors: ['Doe, Jane'], published: '2012-03' });
    const [listed] = callOn(t.library, 'documents.list', {});
    expect(listed).toMatchObject({ title: 'Sanctuary in the Maghreb', authors: ['Doe, Jane'], published: '2012-03' });
    expect(t.library.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});
