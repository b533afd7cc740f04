import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);

/** The bundled article (every new library has it), published February 2013 for relative dates. */
function article(): number {
  const [document] = call('documents.list', {});
  call('documents.update', { id: document!.id, published: '2013-02' });
  return document!.id;
}

function passage(documentId: number, phrase: string, comment = ''): number {
  const text = call('documents.get', { id: documentId }).text;
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const highlight = call('highlights.create', { documentId, start, end: start + phrase.length, colour: 'yellow' });
  if (comment) call('highlights.update', { id: highlight.id, comment });
  return highlight.id;
}

const brief = (events: ReadonlyArray<OpOutputs['timeline.events']['events'][number]>) =>
  events.map((event) => `${event.date} ${event.confirmed ? 'confirmed' : 'suggested'} ${event.source} ${event.found}`);

describe('the timeline', () => {
  it('suggests the dates a passage and its comment name, and a confirmed one becomes an event', () => {
    const doc = article();
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement', 'Le 6 avril 2012, the MNLA declared independence.');
    expect(brief(call('timeline.highlightDates', { highlightId: ousted }).suggestions)).toEqual([
      '2012-01 suggested quote January 2012',
      '2012-04-06 suggested comment 6 avril 2012',
    ]);
    expect(call('timeline.events', {}).events).toEqual([]);

    const after = call('timeline.confirm', { highlightId: ousted, date: '2012-01', found: 'January 2012' });
    expect(brief(after.events)).toEqual(['2012-01 confirmed quote January 2012']);
    expect(brief(after.suggestions)).toEqual(['2012-04-06 suggested comment 6 avril 2012']);

    const timeline = call('timeline.events', {});
    expect(timeline.events).toMatchObject([{ highlightId: ousted, documentId: doc, date: '2012-01', precision: 'month', confirmed: true, relative: false }]);
    expect(brief(timeline.suggestions)).toEqual(['2012-04-06 suggested comment 6 avril 2012']);
    expect(call('timeline.events', { suggestions: false }).suggestions).toEqual([]);
  });

  it('reads relative dates against the publication date, and follows it when it changes', () => {
    const doc = article();
    const afghan = passage(doc, 'As Al-Qaeda did in Afghanistan some 20 years ago');
    expect(call('timeline.highlightDates', { highlightId: afghan }).suggestions).toMatchObject([{ date: '1993', relative: true, found: '20 years ago' }]);
    call('documents.update', { id: doc, published: '2014' });
    expect(call('timeline.highlightDates', { highlightId: afghan }).suggestions).toMatchObject([{ date: '1994' }]);
  });

  it('keeps a dismissed suggestion dismissed, and a correction replaces the suggested date', () => {
    const doc = article();
    const throughout = passage(doc, 'Throughout 2012, Islamist groups controlled the main cities');
    call('timeline.dismiss', { highlightId: throughout, date: '2012' });
    expect(call('timeline.highlightDates', { highlightId: throughout }).suggestions).toEqual([]);
    call('highlights.update', { id: throughout, comment: 'Still 2012.' });
    expect(call('timeline.highlightDates', { highlightId: throughout }).suggestions).toEqual([]);

    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    const corrected = call('timeline.confirm', { highlightId: ousted, date: '2012-01-17', found: 'January 2012', replacing: '2012-01' });
    expect(brief(corrected.events)).toEqual(['2012-01-17 confirmed quote January 2012']);
    expect(corrected.suggestions).toEqual([]);

    // Taking a confirmed date off the timeline does not bring it back as a suggestion.
    const removed = call('timeline.dismiss', { highlightId: ousted, date: '2012-01-17' });
    expect(removed.events).toEqual([]);
    expect(removed.suggestions).toEqual([]);
  });

  it('dates a passage by hand with a precision, ranges included, earliest first', () => {
    const doc = article();
    const a = passage(doc, 'They started to cut the hands off thieves');
    const b = passage(doc, 'destroyed some holy places in Timbuktu');
    call('timeline.confirm', { highlightId: a, date: '2012-04/2012-06' });
    call('timeline.confirm', { highlightId: b, date: '2012-07-01' });
    call('timeline.confirm', { highlightId: b, date: '2012' });
    const events = call('timeline.events', {}).events;
    expect(events.map((e) => `${e.date} ${e.precision} ${e.source}`)).toEqual(['2012 year hand', '2012-04/2012-06 range hand', '2012-07-01 day hand']);
  });

  it('narrows by reliability and credibility as the network does, and shows each event’s grade', () => {
    const doc = article();
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    call('timeline.confirm', { highlightId: ousted, date: '2012-01' });
    call('documents.grade', { id: doc, reliability: 'B', credibility: 2 });
    expect(call('timeline.events', {}).events).toMatchObject([{ reliability: 'B', credibility: 2 }]);
    expect(call('timeline.events', { reliability: ['A'] }).events).toEqual([]);
    expect(call('timeline.events', { reliability: ['B'], credibility: [2] }).events).toHaveLength(1);
  });

  it('names the actors of each event', () => {
    const doc = article();
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    call('highlights.tag', { highlightId: ousted, actorId: mnla });
    call('timeline.confirm', { highlightId: ousted, date: '2012-01' });
    const timeline = call('timeline.events', {});
    expect(timeline.events[0]!.actorIds).toEqual([mnla]);
    expect(timeline.actors).toMatchObject([{ id: mnla, name: 'MNLA' }]);
  });

  it('leaves out deleted passages, and refuses dates that are not dates', () => {
    const doc = article();
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    call('timeline.confirm', { highlightId: ousted, date: '2012-01' });
    call('highlights.delete', { id: ousted });
    expect(call('timeline.events', {}).events).toEqual([]);
    expect(t.errorOf('timeline.confirm', { highlightId: ousted, date: '2012-01' }).code).toBe('not_found');
    const other = passage(doc, 'Throughout 2012');
    for (const date of ['2012-13', '12 January 2012', '2012-03/2012-01', '2012/2012', '']) {
      expect(t.errorOf('timeline.confirm', { highlightId: other, date })).toMatchObject({ code: 'invalid_input', field: 'date' });
    }
    expect(t.errorOf('timeline.dismiss', { highlightId: other })).toMatchObject({ code: 'invalid_input', field: 'date' });
  });

  it('exports the confirmed events as CSV and Markdown', () => {
    const doc = article();
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    call('timeline.confirm', { highlightId: ousted, date: '2012-01', found: 'January 2012' });
    passage(doc, 'Throughout 2012');
    const csv = call('export.timeline', { format: 'csv', bom: false });
    expect(csv.fileName).toBe('Timeline.csv');
    expect(csv.content.split('\r\n')).toEqual([
      'Date,Precision,Date in words,Passage,Comment,Document,Actors,Grade,Read from,Highlight id,Document id',
      `2012-01,month,January 2012,Indeed in January 2012 the National Movement,,Al-Quaeda and state sanctuary in the Islamic Maghreb,,,January 2012,${ousted},${doc}`,
      '',
    ]);
    const markdown = call('export.timeline', { format: 'markdown' });
    expect(markdown.content).toBe(
      '# Timeline\n\n- **January 2012**: “Indeed in January 2012 the National Movement” *Al-Quaeda and state sanctuary in the Islamic Maghreb*\n',
    );
    expect(t.errorOf('export.timeline', { format: 'pdf' }).message).toBe('The timeline is exported as csv or markdown.');
  });

  it('logs a date decision as a change to its passage, so open views follow', () => {
    const doc = article();
    const ousted = passage(doc, 'Indeed in January 2012 the National Movement');
    const before = t.library.db.prepare('SELECT max(seq) AS seq FROM change_log').get() as { seq: number };
    call('timeline.confirm', { highlightId: ousted, date: '2012-01' });
    const logged = t.library.db.prepare('SELECT kind, row_id AS rowId FROM change_log WHERE seq > ?').all(before.seq);
    expect(logged).toContainEqual({ kind: 'highlight', rowId: ousted });
  });
});
