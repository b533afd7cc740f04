import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION, DATES_SINCE_VERSION } from '../export/library-archive';
import { callOn, tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

/** A confirmed date, one given by hand as a range, and a dismissed suggestion, on passages of the bundled article. */
function dated(): { ousted: number; throughout: number } {
  const [document] = t.call('documents.list', {});
  const text = t.call('documents.get', { id: document!.id }).text;
  const passage = (phrase: string) => {
    const start = text.indexOf(phrase);
    return t.call('highlights.create', { documentId: document!.id, start, end: start + phrase.length, colour: 'yellow' }).id;
  };
  const ousted = passage('Indeed in January 2012 the National Movement');
  const throughout = passage('Throughout 2012, Islamist groups controlled the main cities');
  t.call('timeline.confirm', { highlightId: ousted, date: '2012-01', found: 'January 2012' });
  t.call('timeline.confirm', { highlightId: throughout, date: '2012-04/2013-01' });
  t.call('timeline.dismiss', { highlightId: throughout, date: '2012' });
  return { ousted, throughout };
}

describe('the archive carries the timeline', () => {
  it('is version 7 or later, and restores dated passages and dismissed suggestions into a fresh library exactly', () => {
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(DATES_SINCE_VERSION);
    dated();
    const json = t.call('export.archive', {}).content;
    const archive = JSON.parse(json) as { version: number; highlightDates: unknown[] };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.highlightDates).toMatchObject([
      { date: '2012-01', status: 'confirmed', found: 'January 2012' },
      { date: '2012', status: 'dismissed', found: '2012' },
      { date: '2012-04/2013-01', status: 'confirmed', found: '' },
    ]);

    const fresh = t.open('fresh.sqlite');
    callOn(fresh, 'library.restoreArchive', { json });
    expect(callOn(fresh, 'timeline.events', {})).toEqual(t.call('timeline.events', {}));
    expect(callOn(fresh, 'timeline.events', {}).suggestions).toEqual([]);
    expect(JSON.parse(callOn(fresh, 'export.archive', {}).content).highlightDates).toEqual(archive.highlightDates);
  });

  it('reads an archive from before the timeline as having no dated passage', () => {
    dated();
    const archive = JSON.parse(t.call('export.archive', {}).content) as Record<string, unknown>;
    delete archive.highlightDates;
    archive.version = 6;
    const fresh = t.open('fresh.sqlite');
    callOn(fresh, 'library.restoreArchive', { json: JSON.stringify(archive) });
    const timeline = callOn(fresh, 'timeline.events', {});
    expect(timeline.events).toEqual([]);
    expect(timeline.suggestions.map((s) => s.date)).toEqual(['2012', '2012-01']);
  });

  it('refuses a date that is not one, or given to a passage the archive does not hold', () => {
    dated();
    const archive = JSON.parse(t.call('export.archive', {}).content) as { highlightDates: Array<Record<string, unknown>> };
    const fresh = t.open('fresh.sqlite');
    const spoilt = (change: Record<string, unknown>) =>
      JSON.stringify({ ...archive, highlightDates: [{ ...archive.highlightDates[0], ...change }] });
    expect(() => callOn(fresh, 'library.restoreArchive', { json: spoilt({ date: '2012-13' }) })).toThrow(/day, a month, a year or a range/);
    expect(() => callOn(fresh, 'library.restoreArchive', { json: spoilt({ highlightId: 999 }) })).toThrow(/highlight 999, which is not in it/);
  });
});
