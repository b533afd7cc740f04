import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ChangeFeed } from '../changes/change-feed';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

function importMarkdown(text: string): number {
  const [outcome] = call('documents.import', { files: [file('report.md', text)] });
  if (outcome?.status !== 'imported') throw new Error('report.md was not imported');
  return outcome.document.id;
}

function article() {
  const [summary] = call('documents.list', {});
  return call('documents.get', { id: summary!.id });
}
const mentionsOf = (documentId: number, actorId: number) => call('actors.mentions', { documentId }).filter((m) => m.actorId === actorId);

describe('mentions, as judged', () => {
  it('accepting all records the actor as mentioned at each place, and makes no highlight', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    expect(mentionsOf(doc.id, mnla.id).map((m) => m.status)).toEqual(['suggested', 'suggested']);
    const result = call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id });
    expect(result.accepted).toBe(2);
    expect(result.ids).toHaveLength(2);
    expect(call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id })).toEqual({ accepted: 0, ids: [] });
    expect(mentionsOf(doc.id, mnla.id).map((m) => m.status)).toEqual(['accepted', 'accepted']);
    expect(call('highlights.list', { documentId: doc.id })).toEqual([]);
    expect(call('actors.list', {})[0]!.tagCount).toBe(0);
  });

  it('lists accepted mentions on the actor’s page, apart from its passages, with the sentence each is in', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    const doc = article();
    const aqmi = mentionsOf(doc.id, aqim.id).find((m) => m.text === 'AQMI')!;
    expect(call('actors.acceptMentions', { documentId: doc.id, actorId: aqim.id, ranges: [{ start: aqmi.start, end: aqmi.end }] }).accepted).toBe(1);
    const page = call('actors.page', { id: aqim.id });
    expect(page.passages).toEqual([]);
    expect(page.mentionCount).toBe(1);
    const [listed] = page.mentions;
    expect(listed).toMatchObject({ documentId: doc.id, documentTitle: doc.title, start: aqmi.start, end: aqmi.end, match: 'AQMI' });
    expect(`${listed!.before}${listed!.match}${listed!.after}`).toMatch(/by AQMI and its related/);
    expect(listed!.before.length + listed!.after.length).toBeLessThan(500);
  });

  it('“Not this actor” is remembered: the place is no longer suggested, nor accepted by “Accept all”, until forgotten', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    const [first] = mentionsOf(doc.id, mnla.id);
    const { id } = call('actors.rejectMention', { documentId: doc.id, actorId: mnla.id, start: first!.start, end: first!.end });
    expect(mentionsOf(doc.id, mnla.id).map((m) => [m.status, m.recordId])).toEqual([['rejected', id], ['suggested', null]]);
    expect(call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id }).accepted).toBe(1);
    expect(call('actors.page', { id: mnla.id }).mentionCount).toBe(1);
    expect(call('actors.forgetMentions', { ids: [id] })).toEqual({ forgotten: 1 });
    expect(mentionsOf(doc.id, mnla.id).map((m) => m.status)).toEqual(['suggested', 'accepted']);
  });

  it('undoing “Accept all” forgets exactly what it accepted', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    const [first] = mentionsOf(doc.id, mnla.id);
    call('actors.rejectMention', { documentId: doc.id, actorId: mnla.id, start: first!.start, end: first!.end });
    const { ids } = call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id });
    expect(call('actors.forgetMentions', { ids })).toEqual({ forgotten: 1 });
    expect(mentionsOf(doc.id, mnla.id).map((m) => m.status)).toEqual(['rejected', 'suggested']);
  });

  it('counts words an earlier version turned into a tagged highlight as accepted, and will not reject them', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    const [first] = mentionsOf(doc.id, mnla.id);
    const highlight = call('highlights.create', { documentId: doc.id, start: first!.start, end: first!.end, colour: 'yellow' });
    call('highlights.tag', { highlightId: highlight.id, actorId: mnla.id });
    expect(mentionsOf(doc.id, mnla.id)[0]).toMatchObject({ status: 'accepted', recordId: null });
    expect(t.errorOf('actors.rejectMention', { documentId: doc.id, actorId: mnla.id, start: first!.start, end: first!.end }).code).toBe('refused');
    expect(call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id }).accepted).toBe(1);
  });

  it('refuses a range that is not one of the actor’s mentions', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    expect(t.errorOf('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id, ranges: [{ start: 0, end: 3 }] }).code).toBe('invalid_input');
    expect(t.errorOf('actors.rejectMention', { documentId: doc.id, actorId: mnla.id, start: 0, end: 3 }).code).toBe('invalid_input');
  });

  it('follows its words when the document is replaced, and loses its place when they are gone', () => {
    const gao = call('actors.create', { name: 'Gao', kind: 'place' });
    const report = importMarkdown('# Report\n\nThe convoy crossed near Gao. Then it went to Kidal.');
    call('actors.acceptMentions', { documentId: report, actorId: gao.id });
    call('documents.replace', { id: report, file: file('report.md', '# Report\n\nA new opening line.\n\nThe convoy crossed near Gao. Then it went to Kidal.') });
    const text = call('documents.get', { id: report }).text;
    const [moved] = mentionsOf(report, gao.id);
    expect(moved).toMatchObject({ status: 'accepted', start: text.indexOf('Gao'), recordId: expect.any(Number) });
    call('documents.replace', { id: report, file: file('report.md', '# Report\n\nNothing about that town now.') });
    expect(mentionsOf(report, gao.id)).toEqual([]);
    expect(call('actors.page', { id: gao.id }).mentions).toEqual([]);
  });

  it('keeps an accepted place the names no longer find, as accepted', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    const doc = article();
    const aqmi = mentionsOf(doc.id, aqim.id).find((m) => m.text === 'AQMI')!;
    call('actors.acceptMentions', { documentId: doc.id, actorId: aqim.id, ranges: [{ start: aqmi.start, end: aqmi.end }] });
    call('actors.update', { id: aqim.id, aliases: [] });
    expect(mentionsOf(doc.id, aqim.id).filter((m) => m.text === 'AQMI')).toMatchObject([{ status: 'accepted', start: aqmi.start }]);
  });

  it('moves with a merge, and goes with a deleted actor', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' });
    const aqmi = call('actors.create', { name: 'AQMI', kind: 'group' });
    const doc = article();
    call('actors.acceptMentions', { documentId: doc.id, actorId: aqmi.id });
    const count = call('actors.page', { id: aqmi.id }).mentionCount;
    expect(count).toBeGreaterThan(0);
    call('actors.merge', { keepId: aqim.id, mergeId: aqmi.id });
    expect(call('actors.page', { id: aqim.id }).mentionCount).toBe(count);
    call('actors.delete', { id: aqim.id });
    const left = t.library.db.prepare('SELECT count(*) AS n FROM actor_mentions').get() as { n: number };
    expect(left.n).toBe(0);
  });

  it('tells other windows: a judgement changes its actor', () => {
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
    const doc = article();
    const feed = new ChangeFeed(t.library);
    feed.poll();
    call('actors.acceptMentions', { documentId: doc.id, actorId: mnla.id });
    expect(feed.poll()?.changed).toEqual({ actor: [mnla.id] });
  });
});

describe("an actor's page across documents stored in pieces", () => {
  it('shows each mention in its own sentence, in a book where they fall either side of a piece’s edge, and in shorter reports', () => {
    const ansar = call('actors.create', { name: 'Ansar Dine', kind: 'group' });
    // A book of about 300,000 characters: many pieces of text, the actor named in every 25th paragraph.
    const paragraphs = Array.from({ length: 5_000 }, (_, i) =>
      i % 25 === 7 ? `Paragraph ${i} 🚙: a convoy of Ansar Dine left Kidal on day ${i}.` : `Paragraph ${i}: the patrol waited at the ferry near Gao.`,
    );
    const book = importMarkdown(`# The long inquiry\n\n${paragraphs.join('\n\n')}\n`);
    const reports = [1, 2].map((n) => {
      const [outcome] = call('documents.import', { files: [file(`report-${n}.md`, `# Report ${n}\n\nIn report ${n}, Ansar Dine held Timbuktu.\n`)] });
      if (outcome?.status !== 'imported') throw new Error(`report-${n}.md was not imported`);
      return outcome.document.id;
    });
    const pieces = t.library.db.prepare('SELECT start, "end" FROM document_text WHERE document_id = ? ORDER BY start').all(book) as Array<{ start: number; end: number }>;
    expect(pieces.length).toBeGreaterThan(10);
    for (const id of [book, ...reports]) call('actors.acceptMentions', { documentId: id, actorId: ansar.id });

    const page = call('actors.page', { id: ansar.id });
    const inBook = page.mentions.filter((m) => m.documentId === book);
    expect(inBook.map((m) => `${m.before}${m.match}${m.after}`)).toEqual(
      paragraphs.filter((p) => p.includes('Ansar Dine')),
    );
    expect(page.mentions.filter((m) => m.documentId !== book).map((m) => [m.documentTitle, `${m.before}${m.match}${m.after}`])).toEqual([
      ['Report 1', 'In report 1, Ansar Dine held Timbuktu.'],
      ['Report 2', 'In report 2, Ansar Dine held Timbuktu.'],
    ]);
    // Some of the book's mentions sit within a sentence's reach of a piece's edge: their windows span two pieces.
    const nearEdge = inBook.filter((m) => pieces.some((p) => p.start > 0 && Math.abs(p.start - m.start) < 400));
    expect(nearEdge.length).toBeGreaterThan(0);
  });
});
