import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../../testing/temp-library';
import { undoMigration170 } from '../../../testing/schema-160';
import type { Library } from '../library';
import { currentSchemaVersion, SCHEMA_VERSION } from './index';
import { reopenedFromSchema } from '../../../testing/older-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-migration-170-');
});
afterEach(() => t.cleanup());

const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });
/** A report long enough for many pieces, in three scripts, with emoji before the words looked for. */
const longReport = Array.from(
  { length: 900 },
  (_, i) => `Paragraph ${i} 🚙 of the inquiry: the patrol left Gao at dawn, كانت القافلة في الطريق, café au lait near Ménaka.`,
).join('\n\n');
const pieces = (library: Library, documentId: number) =>
  (library.db.prepare('SELECT count(*) AS n FROM document_text WHERE document_id = ?').get(documentId) as { n: number }).n;

describe('migration 170: bodies in pieces', () => {
  it('cuts each body of an existing library into pieces, with its text, highlights and search as they were', () => {
    const [article] = callOn(t.library, 'documents.list', {});
    const [imported] = callOn(t.library, 'documents.import', { files: [file('long-report.txt', `Long report\n\n${longReport}`)] });
    if (imported!.status !== 'imported') throw new Error(imported!.message);
    const reportId = imported!.document.id;
    const before = [article!.id, reportId].map((id) => callOn(t.library, 'documents.get', { id }));
    const deep = before[1]!.text.lastIndexOf('Paragraph 877');
    const highlight = callOn(t.library, 'highlights.create', { documentId: reportId, start: deep, end: deep + 'Paragraph 877'.length, colour: 'blue' });

    // As Fieldbook 160 left it: each body whole in its row.
    const old = reopenedFromSchema(t, 160, undoMigration170);
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    expect(old.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(old.db.pragma('foreign_key_check')).toEqual([]);
    expect(() => old.db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    for (const document of before) expect(callOn(old, 'documents.get', { id: document.id })).toEqual(document);
    expect(pieces(old, reportId)).toBeGreaterThan(3);
    expect(pieces(old, article!.id)).toBe(1);

    const [kept] = callOn(old, 'highlights.list', { documentId: reportId });
    expect(kept).toMatchObject({ id: highlight.id, exact: 'Paragraph 877', start: deep, status: 'exact' });
    const [found] = callOn(old, 'search.query', { query: '"Paragraph 877"' }).documents;
    expect(found).toMatchObject({ id: reportId, match: { start: deep, end: deep + 'Paragraph'.length } });
    expect(callOn(old, 'search.query', { query: 'sanctuary' }).documents.map((d) => d.id)).toEqual([article!.id]);
  });
});
