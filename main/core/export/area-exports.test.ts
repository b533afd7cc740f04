import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../common/records';
import { parseCsv } from '../../testing/parse-csv';
import { callOn, tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { AREAS_SINCE_VERSION, ARCHIVE_VERSION, libraryArchiveJson } from './library-archive';
import { restoreArchive } from './restore-archive';
import type { AnnotationCollection } from './web-annotation';
import { testDocument } from '../../testing/test-documents';

/** The real PDFs of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const file = testDocument;

let t: TempLibrary;
let paper: number;
let scan: number;
let figure: Highlight;
let passage: Highlight;
let scanned: Highlight;
let json: string;

beforeAll(() => {
  t = tempLibrary('fieldbook-area-exports-');
  const outcomes = t.call('documents.import', { files: [file('tracemonkey.pdf'), file('issue7229.pdf')] });
  [paper, scan] = outcomes.map((outcome) => {
    if (outcome.status !== 'imported') throw new Error(`${outcome.fileName} did not import: ${JSON.stringify(outcome)}`);
    return outcome.document.id;
  }) as [number, number];
  const page3 = t.call('documents.parts', { id: paper }).parts[2]!;
  passage = t.call('highlights.create', { documentId: paper, start: page3.startOffset + 10, end: page3.startOffset + 60, colour: 'green', comment: 'on page three' });
  figure = t.call('highlights.createArea', {
    documentId: paper,
    area: { page: 3, x: 0.123456, y: 0.5, width: 0.25, height: 0.3 },
    colour: 'blue',
    comment: 'Figure 2: the trace tree',
  });
  scanned = t.call('highlights.createArea', { documentId: scan, area: { page: 2, x: 0, y: 0, width: 1, height: 1 }, colour: 'red' });
  const actor = t.call('actors.create', { name: 'Andreas Gal', kind: 'person' });
  t.call('highlights.tag', { highlightId: figure.id, actorId: actor.id });
  json = libraryArchiveJson(t.library, '2026-12-06T00:00:00.000Z');
}, 240_000);

afterAll(() => t?.cleanup());

describe('exports of an area highlight', () => {
  it('target its page, refined by the rectangle in percent, with no quote, in W3C Web Annotation', () => {
    const collection = JSON.parse(t.call('export.webAnnotations', { documentId: paper }).content) as AnnotationCollection;
    const item = (h: Highlight) => collection.first.items.find((each) => each.id === `urn:uuid:${h.uid}`)!;
    // Media Fragments take whole percents: 12.35% to 37.35% across is widened to 12% and 26% wide, covering it.
    expect(item(figure).target.selector).toEqual([
      {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
        value: 'page=3',
        refinedBy: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=percent:12,50,26,30' },
      },
    ]);
    expect(item(figure).body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: 'Figure 2: the trace tree', format: 'text/plain' });
    // A passage of text beside it keeps its quote and offsets.
    expect(item(passage).target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'FragmentSelector']);
    const onScan = JSON.parse(t.call('export.webAnnotations', { documentId: scan }).content) as AnnotationCollection;
    expect(onScan.first.items[0]!.target.selector).toEqual([expect.objectContaining({ value: 'page=2', refinedBy: expect.objectContaining({ value: 'xywh=percent:0,0,100,100' }) })]);
  });

  it('say “Area on p. N” where a quote would be, with the comment, in Markdown and HTML', () => {
    const markdown = t.call('export.documentMarkdown', { id: paper }).content;
    expect(markdown).toContain('_Area on p. 3_\n\n- Location: p. 3\n- Colour: Blue\n- Actors: @Andreas Gal\n- Comment: Figure 2: the trace tree');
    const html = t.call('export.documentHtml', { id: paper }).content;
    expect(html).toContain('<p><em>Area on p. 3</em></p></blockquote>\n<div class="details"><cite>p. 3</cite> · Blue · Actors: <span class="mention">Andreas Gal</span><div class="comment">Figure 2: the trace tree</div></div>');
    expect(t.call('export.documentMarkdown', { id: scan }).content).toContain('_Area on p. 2_\n\n- Location: p. 2\n- Colour: Red');
    const actor = t.call('actors.list', {}).find((a) => a.name === 'Andreas Gal')!;
    expect(t.call('export.actorMarkdown', { id: actor.id }).content).toContain('> _Area on p. 3_\n>\n> — ');
    expect(t.call('export.highlightsSelection', { highlightIds: [figure.id, scanned.id], format: 'markdown' }).content).toContain('_Area on p. 2_');
  });

  it('fill the CSV’s page and leave its quote empty', () => {
    const rows = parseCsv(t.call('export.highlightsCsv', { scope: { kind: 'library' }, bom: false }).content);
    const header = rows[0]!;
    const row = (h: Highlight) => rows.find((r) => r.includes(h.uid))!;
    expect([row(figure)[header.indexOf('quote')], row(figure)[header.indexOf('page')], row(figure)[header.indexOf('comment')]]).toEqual(['', '3', 'Figure 2: the trace tree']);
    expect([row(scanned)[header.indexOf('quote')], row(scanned)[header.indexOf('page')]]).toEqual(['', '2']);
  });

  it('are left out of a REFI-QDA project, which places selections in the text', () => {
    const file = t.call('export.qdpx', {});
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(file.content, 'base64')))['project.qde']!);
    expect(xml).toContain(`guid="${passage.uid.toUpperCase()}"`);
    expect(xml).not.toContain(figure.uid.toUpperCase());
    expect(xml).not.toContain(scanned.uid.toUpperCase());
    expect(xml).not.toContain('Figure 2');
  });
});

describe('an archive with area highlights', () => {
  it('carries each area, and restores it into a new library exactly', () => {
    const archive = JSON.parse(json) as { version: number; highlights: Array<{ uid: string; area: unknown; quoteExact: string }> };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(AREAS_SINCE_VERSION);
    expect(archive.highlights.find((h) => h.uid === figure.uid)).toMatchObject({ area: figure.area, quoteExact: '' });
    expect(archive.highlights.find((h) => h.uid === passage.uid)).toMatchObject({ area: null });

    const fresh = t.open('fresh.sqlite');
    expect(restoreArchive(fresh, json).conflicts).toEqual([]);
    expect(libraryArchiveJson(fresh, '2026-12-06T00:00:00.000Z')).toBe(json);
    expect(callOn(fresh, 'highlights.list', { documentId: scan })).toEqual(t.call('highlights.list', { documentId: scan }));
    // Restored again, every row is already there, unchanged.
    const again = restoreArchive(fresh, json);
    expect([again.added.highlights, again.unchanged.highlights, again.conflicts]).toEqual([0, 3, []]);
  });

  it('reports an area changed on one side as a conflict, named by its page', () => {
    const changed = JSON.parse(json) as { highlights: Array<{ uid: string; area: { x: number } | null }> };
    changed.highlights.find((h) => h.uid === figure.uid)!.area!.x = 0.2;
    const report = restoreArchive(t.library, JSON.stringify(changed));
    expect(report.conflicts).toEqual([{ kind: 'highlight', uid: figure.uid, title: 'Area on p. 3', reason: 'This highlight differs from the archive’s version; the library’s version was kept.' }]);
  });

  it('refuses an area off its PDF’s pages, or on a document that is no PDF, naming the highlight', () => {
    type Row = { uid: string; documentId: number; area: { page: number } | null; quoteExact: string };
    type Archive = { highlights: Row[]; documents: Array<{ id: number; file: unknown }> };
    const damaged = (change: (archive: Archive) => void) => {
      const archive = JSON.parse(json) as Archive;
      change(archive);
      return () => restoreArchive(t.open(`damaged-${Math.random()}.sqlite`), JSON.stringify(archive));
    };
    const figureRow = (archive: { highlights: Row[] }) => archive.highlights.find((h) => h.uid === figure.uid)!;
    expect(damaged((a) => (figureRow(a).area!.page = 15))).toThrow(
      `The archive is damaged: the highlight ${figure.uid} marks an area on page 15 of the document “Trace-based Just-in-Time Type Specialization for Dynamic Languages”`,
    );
    expect(
      damaged((a) => {
        // Moved onto a document that came as HTML.
        figureRow(a).documentId = a.documents.find((d) => d.file === null)!.id;
      }),
    ).toThrow(/the highlight .* marks an area on the document “.*”.*, which is not a PDF\./);
    expect(damaged((a) => (figureRow(a).area!.page = 0))).toThrow(/The archive is damaged at highlights\.\d+\.area\.page: An area’s page is counted from 1\.$/);
    expect(damaged((a) => (figureRow(a).area = null))).toThrow(/The archive is damaged at highlights\.\d+\.quoteExact: A highlight of text must quote some\.$/);
  });

  it('still reads an archive of version 9, whose highlights carry no area', () => {
    const archive = JSON.parse(json) as { version: number; highlights: Array<Record<string, unknown>>; highlightActors: unknown[] };
    const highlights = archive.highlights.filter((h) => h.area === null).map(({ area: _area, ...h }) => h);
    const older = { ...archive, version: 9, highlights, highlightActors: [] };
    const target = t.open('version-9.sqlite');
    expect(restoreArchive(target, JSON.stringify(older)).added.highlights).toBe(1);
    expect(callOn(target, 'highlights.list', { documentId: paper }).map((h) => [h.uid, h.area])).toEqual([[passage.uid, null]]);
  });
});
