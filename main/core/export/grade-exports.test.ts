import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { restored } from '../../testing/temp-library';
import { ARCHIVE_VERSION, GRADES_SINCE_VERSION } from './library-archive';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-grade-exports-');
  fixture = populate(t.library);
  // The article is a usually reliable source whose passages are probably true; one of them only possibly.
  t.call('documents.grade', { id: fixture.article.id, reliability: 'B', credibility: 2 });
  t.call('highlights.grade', { id: fixture.highlights.overlap.id, credibility: 3 });
});
afterEach(() => t.cleanup());

describe('exports carry grades', () => {
  it('gives the document’s grade among its facts in Markdown and HTML, and a passage’s own beside it', () => {
    const markdown = t.call('export.documentMarkdown', { id: fixture.article.id }).content;
    expect(markdown).toContain('- Source grade: B2 (Usually reliable, probably true)');
    expect(markdown).toContain('- Grade: B3 (Usually reliable, possibly true)');
    // A passage with its document's credibility is not graded twice.
    expect(markdown.match(/- Grade:/g)).toHaveLength(1);
    expect(t.call('export.documentMarkdown', { id: fixture.fieldNotes.id }).content).not.toContain('grade');
    const html = t.call('export.documentHtml', { id: fixture.article.id }).content;
    expect(html).toContain('Source grade: B2 (Usually reliable, probably true)');
    expect(html).toContain('Grade: B3 (Usually reliable, possibly true)');
  });

  it('ends each CSV line with the passage’s reliability and credibility, before its page and chapter', () => {
    const csv = t.call('export.highlightsCsv', { scope: { kind: 'library' }, bom: false }).content;
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header!.split(',').slice(-4)).toEqual(['reliability', 'credibility', 'page', 'chapter']);
    const row = (uid: string) => rows.find((r) => r.includes(uid))!;
    // An HTML article has neither page nor chapter.
    expect(row(fixture.highlights.timbuktu.uid).endsWith(',B,2,,')).toBe(true);
    expect(row(fixture.highlights.overlap.uid).endsWith(',B,3,,')).toBe(true);
    expect(row(fixture.highlights.convoy.uid).endsWith(',,,,')).toBe(true);
  });

  it('writes the grade as Fieldbook’s own terms in the W3C export, and leaves them off what is not graded', () => {
    const collection = JSON.parse(t.call('export.webAnnotations', {}).content) as {
      '@context': [string, { fieldbook: string }];
      first: { items: Array<Record<string, unknown> & { id: string }> };
    };
    expect(collection['@context'][1]).toHaveProperty('fieldbook');
    const item = (uid: string) => collection.first.items.find((i) => i.id.endsWith(uid))!;
    expect(item(fixture.highlights.timbuktu.uid)).toMatchObject({ 'fieldbook:reliability': 'B', 'fieldbook:credibility': 2 });
    expect(item(fixture.highlights.overlap.uid)).toMatchObject({ 'fieldbook:reliability': 'B', 'fieldbook:credibility': 3 });
    expect(Object.keys(item(fixture.highlights.convoy.uid)).filter((key) => /reliability|credibility/.test(key))).toEqual([]);
  });

  it('puts the grade in a vault document’s front matter', () => {
    const { files } = t.call('export.vault', {});
    const article = files.find((f) => f.path.startsWith('Documents/') && f.content.includes(fixture.highlights.timbuktu.uid))!;
    const head = article.content.split('\n---')[0]!;
    expect(head).toContain('reliability: "B"');
    expect(head).toContain('credibility: 2');
    expect(article.content).toContain('- Source grade: B2 (Usually reliable, probably true)');
  });
});

describe('the archive carries grades', () => {
  it('is version 6 or later, and restores grades into a fresh library exactly', () => {
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(GRADES_SINCE_VERSION);
    const json = t.call('export.archive', {}).content;
    const archive = JSON.parse(json) as { version: number; documents: Array<{ uid: string; reliability: unknown; credibility: unknown }>; highlights: Array<{ uid: string; credibility: unknown }> };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.documents.find((d) => d.uid === fixture.article.uid)).toMatchObject({ reliability: 'B', credibility: 2 });
    expect(archive.highlights.find((h) => h.uid === fixture.highlights.overlap.uid)).toMatchObject({ credibility: 3 });

    const fresh = t.open('fresh.sqlite');
    callOn(fresh, 'library.restoreArchive', { json });
    const grades = (library: typeof fresh) =>
      library.db.prepare('SELECT d.uid, d.reliability, d.credibility, (SELECT group_concat(h.credibility) FROM highlights h WHERE h.document_id = d.id) AS passages FROM documents d ORDER BY d.uid').all();
    expect(grades(fresh)).toEqual(grades(t.library));
    expect(callOn(fresh, 'highlights.all', { order: 'reading', credibility: [3] }).highlights.map((h) => h.uid)).toEqual([fixture.highlights.overlap.uid]);
    const again = restored(callOn(fresh, 'library.restoreArchive', { json }));
    expect(again.conflicts).toEqual([]);
  });

  it('keeps the library’s grade when the archive’s differs, and says so', () => {
    const json = t.call('export.archive', {}).content;
    t.call('documents.grade', { id: fixture.article.id, reliability: 'D' });
    t.call('highlights.grade', { id: fixture.highlights.overlap.id, credibility: null });
    const report = restored(t.call('library.restoreArchive', { json }));
    expect(report.conflicts.map((c) => [c.kind, c.uid])).toEqual(
      expect.arrayContaining([
        ['document', fixture.article.uid],
        ['highlight', fixture.highlights.overlap.uid],
      ]),
    );
    expect(t.call('documents.get', { id: fixture.article.id }).reliability).toBe('D');
  });

  it('reads an archive from before grades as nothing graded', () => {
    const archive = JSON.parse(t.call('export.archive', {}).content) as Record<string, unknown> & {
      documents: Array<Record<string, unknown>>;
      highlights: Array<Record<string, unknown>>;
    };
    const older = {
      ...archive,
      version: GRADES_SINCE_VERSION - 1,
      schemaVersion: 90,
      documents: archive.documents.map(({ reliability: _r, credibility: _c, ...row }) => row),
      highlights: archive.highlights.map(({ credibility: _c, ...row }) => row),
    };
    const fresh = t.open('older.sqlite');
    expect(restored(callOn(fresh, 'library.restoreArchive', { json: JSON.stringify(older) })).added.highlights).toBeGreaterThan(0);
    expect(callOn(fresh, 'documents.list', {}).map((d) => [d.reliability, d.credibility])).toEqual(archive.documents.map(() => [null, null]));
    expect(callOn(fresh, 'highlights.all', { order: 'reading', credibility: [null] }).total).toBe(callOn(fresh, 'highlights.all', { order: 'reading' }).total);
  });

  it('refuses an archive whose grades are not the Admiralty code, naming the row, and writes nothing', () => {
    const archive = JSON.parse(t.call('export.archive', {}).content) as { documents: Array<Record<string, unknown>>; highlights: Array<Record<string, unknown>> };
    const fresh = t.open('refused.sqlite');
    const before = callOn(fresh, 'documents.list', {});
    const article = archive.documents.find((d) => d.uid === fixture.article.uid)!;
    article.reliability = 'G';
    const error = (json: string) => restoreError(fresh, json);
    expect(error(JSON.stringify(archive))).toContain(`the document “${fixture.article.title}” (${fixture.article.uid}) has the reliability “G”; a source’s reliability is a letter from A to F.`);
    article.reliability = 'B';
    archive.highlights.find((h) => h.uid === fixture.highlights.overlap.uid)!.credibility = 9;
    expect(error(JSON.stringify(archive))).toContain(`the highlight ${fixture.highlights.overlap.uid} has the credibility 9; a credibility is a digit from 1 to 6.`);
    expect(callOn(fresh, 'documents.list', {})).toEqual(before);
  });
});

function restoreError(library: Parameters<typeof callOn>[0], json: string): string {
  try {
    callOn(library, 'library.restoreArchive', { json });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the restore was expected to fail');
}
