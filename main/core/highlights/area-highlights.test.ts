import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HighlightArea } from '../../common/records';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ChangeFeed } from '../changes/change-feed';
import { testDocument } from '../../testing/test-documents';

/** The real PDFs of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const file = testDocument;

let t: TempLibrary;
/** tracemonkey.pdf: 14 pages of text. */
let paper: number;
/** issue7229.pdf: a scan of 2 pages, no text. */
let scan: number;
/** The bundled article: HTML, no pages. */
let article: number;

beforeAll(() => {
  t = tempLibrary('fieldbook-areas-');
  article = t.call('documents.list', {})[0]!.id;
  const outcomes = t.call('documents.import', { files: [file('tracemonkey.pdf'), file('issue7229.pdf')] });
  const ids = outcomes.map((outcome) => {
    if (outcome.status !== 'imported') throw new Error(`${outcome.fileName} did not import: ${JSON.stringify(outcome)}`);
    return outcome.document.id;
  });
  [paper, scan] = ids as [number, number];
}, 240_000);

afterAll(() => t?.cleanup());

const FIGURE: HighlightArea = { page: 3, x: 0.1, y: 0.25, width: 0.4, height: 0.3 };
const highlightCount = () => (t.library.db.prepare('SELECT count(*) AS n FROM highlights').get() as { n: number }).n;

describe('an area highlight on a PDF’s page', () => {
  it('is created with its place, no quote, and its page’s first offset', () => {
    const { parts } = t.call('documents.parts', { id: paper });
    const area = t.call('highlights.createArea', { documentId: paper, area: FIGURE, colour: 'blue', comment: 'Figure 2: the trace tree' });
    expect(area).toMatchObject({
      documentId: paper,
      area: FIGURE,
      exact: '',
      prefix: '',
      suffix: '',
      start: parts[2]!.startOffset,
      end: parts[2]!.startOffset,
      status: 'exact',
      colour: 'blue',
      comment: 'Figure 2: the trace tree',
      actorIds: [],
      themeIds: [],
      credibility: null,
    });
    expect(t.call('highlights.list', { documentId: paper }).find((h) => h.id === area.id)?.area).toEqual(FIGURE);
  });

  it('is announced to every window, as any new highlight is', () => {
    const feed = new ChangeFeed(t.library);
    feed.poll();
    const area = t.call('highlights.createArea', { documentId: paper, area: { page: 2, x: 0.5, y: 0.5, width: 0.2, height: 0.2 }, colour: 'yellow' });
    expect(feed.poll()?.changed).toEqual({ highlight: [area.id] });
  });

  it('is taken on a scan, which has no text to highlight', () => {
    const onSecondPage = t.call('highlights.createArea', { documentId: scan, area: { page: 2, x: 0, y: 0, width: 1, height: 0.5 }, colour: 'yellow' });
    const onFirstPage = t.call('highlights.createArea', { documentId: scan, area: { page: 1, x: 0.2, y: 0.6, width: 0.5, height: 0.2 }, colour: 'red' });
    expect(onSecondPage).toMatchObject({ start: 0, end: 0, exact: '', comment: '', area: { page: 2, x: 0, y: 0, width: 1, height: 0.5 } });
    // Every page of a scan starts at offset 0: they are listed by page, then from the top.
    expect(t.call('highlights.list', { documentId: scan }).map((h) => h.id)).toEqual([onFirstPage.id, onSecondPage.id]);
  });

  it('is trimmed to the page when a drag rounds a hair past its edge', () => {
    const area = t.call('highlights.createArea', { documentId: paper, area: { page: 1, x: 0.6, y: 0.9, width: 0.4000004, height: 0.1000003 }, colour: 'green' });
    expect(area.area!.x + area.area!.width).toBeLessThanOrEqual(1 + Number.EPSILON);
    expect(area.area!.width).toBeCloseTo(0.4, 9);
    expect(area.area!.height).toBeCloseTo(0.1, 9);
  });

  it('is refused, leaving nothing behind, off a PDF, off its pages, off the page or too small to find', () => {
    const before = highlightCount();
    const refusal = (documentId: number, area: unknown, extra: Record<string, unknown> = {}) =>
      t.errorOf('highlights.createArea', { documentId, area, colour: 'yellow', ...extra });
    expect(refusal(article, FIGURE)).toEqual({ code: 'refused', message: 'Only a PDF’s pages take area highlights.' });
    expect(refusal(paper, { ...FIGURE, page: 0 })).toMatchObject({ code: 'invalid_input', message: 'An area’s page is counted from 1.' });
    expect(refusal(paper, { ...FIGURE, page: 1.5 })).toMatchObject({ code: 'invalid_input', message: 'An area’s page is a whole number, counted from 1.' });
    expect(refusal(paper, { ...FIGURE, page: 15 })).toEqual({
      code: 'invalid_input',
      message: '“Trace-based Just-in-Time Type Specialization for Dynamic Languages” has 14 pages; there is no page 15 to mark an area on.',
    });
    expect(refusal(scan, { ...FIGURE, page: 3 }).message).toMatch(/has 2 pages; there is no page 3/);
    expect(refusal(paper, { ...FIGURE, x: 0.7 })).toMatchObject({ code: 'invalid_input', message: 'The area reaches past the right edge of the page (x + width is more than 1).' });
    expect(refusal(paper, { ...FIGURE, y: 0.75 }).message).toBe('The area reaches past the bottom of the page (y + height is more than 1).');
    expect(refusal(paper, { ...FIGURE, x: -0.1 }).message).toBe('An area’s x cannot be negative: it is a fraction of the page from 0 to 1.');
    expect(refusal(paper, { ...FIGURE, width: 1.5 }).message).toBe('An area’s width is a fraction of the page, at most 1.');
    expect(refusal(paper, { ...FIGURE, width: 0.004 }).message).toBe('An area must be at least 0.5% of the page’s width; this one is too small to find again.');
    expect(refusal(paper, { ...FIGURE, height: 0 }).message).toBe('An area must be at least 0.5% of the page’s height; this one is too small to find again.');
    expect(refusal(paper, { ...FIGURE, y: Number.NaN }).code).toBe('invalid_input');
    expect(refusal(paper, { ...FIGURE, x: '0.1' }).code).toBe('invalid_input');
    expect(refusal(paper, { ...FIGURE, rotation: 90 }).code).toBe('invalid_input');
    expect(refusal(paper, FIGURE, { start: 0 }).code).toBe('invalid_input');
    expect(refusal(9_999, FIGURE)).toEqual({ code: 'not_found', message: 'There is no document with id 9999.' });
    expect(highlightCount()).toBe(before);
  });

  it('is tagged, coded, graded, commented on, deleted and restored as any passage is', () => {
    const area = t.call('highlights.createArea', { documentId: paper, area: { page: 5, x: 0.05, y: 0.05, width: 0.9, height: 0.2 }, colour: 'purple' });
    const actor = t.call('actors.create', { name: 'Mozilla', kind: 'group' });
    const theme = t.call('themes.create', { name: 'Tracing' });
    expect(t.call('highlights.tag', { highlightId: area.id, actorId: actor.id }).actorIds).toEqual([actor.id]);
    expect(t.call('highlights.tagTheme', { highlightId: area.id, themeId: theme.id }).themeIds).toEqual([theme.id]);
    expect(t.call('highlights.grade', { id: area.id, credibility: 2 }).credibility).toBe(2);
    expect(t.call('highlights.update', { id: area.id, comment: 'Table 1: speedups', colour: 'green' })).toMatchObject({ comment: 'Table 1: speedups', colour: 'green', area: area.area });
    expect(t.call('actors.page', { id: actor.id }).passages.map((p) => p.highlight.area)).toEqual([area.area]);
    expect(t.call('themes.page', { id: theme.id }).passages.map((p) => p.highlight.id)).toEqual([area.id]);
    const all = t.call('highlights.all', { order: 'reading', actorId: actor.id });
    expect(all.highlights.map((h) => [h.id, h.area])).toEqual([[area.id, area.area]]);
    expect(t.call('search.query', { query: 'speedups' }).highlights.map((h) => h.id)).toEqual([area.id]);

    t.call('highlights.delete', { id: area.id });
    expect(t.call('highlights.list', { documentId: paper }).map((h) => h.id)).not.toContain(area.id);
    const restored = t.call('highlights.restore', { id: area.id });
    expect(restored).toMatchObject({ area: area.area, actorIds: [actor.id], themeIds: [theme.id], comment: 'Table 1: speedups' });
    expect(t.call('highlights.untag', { highlightId: area.id, actorId: actor.id }).actorIds).toEqual([]);
  });

  it('is an event on the timeline, shown by its page, dated from its comment', () => {
    const area = t.call('highlights.createArea', { documentId: paper, area: { page: 7, x: 0.1, y: 0.5, width: 0.8, height: 0.2 }, colour: 'yellow', comment: 'Benchmarks run in March 2009' });
    const dates = t.call('timeline.highlightDates', { highlightId: area.id });
    expect(dates.suggestions.map((s) => [s.date, s.source, s.quote])).toEqual([['2009-03', 'comment', 'Area on p. 7']]);
    t.call('timeline.confirm', { highlightId: area.id, date: '2009-03', found: 'March 2009' });
    const events = t.call('timeline.events', { documentId: paper }).events.filter((e) => e.highlightId === area.id);
    expect(events.map((e) => [e.date, e.quote, e.comment])).toEqual([['2009-03', 'Area on p. 7', 'Benchmarks run in March 2009']]);
  });

  it('is evidence in an analysis, named by its page', () => {
    const area = t.call('highlights.createArea', { documentId: paper, area: { page: 9, x: 0.1, y: 0.1, width: 0.3, height: 0.3 }, colour: 'red', comment: 'Figure 10' });
    const analysis = t.call('ach.create', { name: 'Why is it fast?' });
    const withArea = t.call('ach.addEvidence', { analysisId: analysis.id, highlightId: area.id });
    expect(withArea.evidence.map((e) => [e.kind, e.highlightId, e.text])).toEqual([['highlight', area.id, 'Area on p. 9: Figure 10']]);
  });
});
