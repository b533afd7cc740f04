import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ALL_HIGHLIGHTS_AT_MOST } from './all-highlights';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

function importText(name: string, text: string) {
  const [outcome] = t.call('documents.import', { files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error(`${name} was not imported`);
  return t.call('documents.get', { id: outcome.document.id });
}

function highlightWords(documentId: number, text: string, words: string, colour: 'yellow' | 'red' = 'yellow') {
  const start = text.indexOf(words);
  return t.call('highlights.create', { documentId, start, end: start + words.length, colour });
}

/** Two documents whose titles sort the other way round from their import order, each with passages out of order. */
function twoDocuments() {
  const zinder = importText('zinder.md', '# Zinder notes\n\nThe convoy left Zinder at dawn. Réfugiés arrived by noon. تقرير عن الساحل 🚚 end.');
  const gao = importText('gao.md', '# Gao diary\n\nMarket day in Gao. The convoy crossed the river near Gao. Late rains.');
  const aqim = t.call('actors.create', { name: 'AQIM', kind: 'group', aliases: [], description: '', colour: '#a3364a' });
  const a = highlightWords(zinder.id, zinder.text, 'Réfugiés arrived by noon');
  const b = highlightWords(gao.id, gao.text, 'The convoy crossed the river', 'red');
  const c = highlightWords(zinder.id, zinder.text, 'The convoy left Zinder');
  const d = highlightWords(gao.id, gao.text, 'Market day in Gao', 'red');
  const e = highlightWords(zinder.id, zinder.text, 'تقرير عن الساحل 🚚');
  t.call('highlights.tag', { highlightId: b.id, actorId: aqim.id });
  t.call('highlights.tag', { highlightId: c.id, actorId: aqim.id });
  return { zinder, gao, aqim, a, b, c, d, e };
}

describe('all highlights of the library', () => {
  it('lists every document’s highlights, newest first, each with its document’s title and its actors', () => {
    const { a, b, c, d, e, aqim } = twoDocuments();
    const all = t.call('highlights.all', { order: 'newest' });
    expect(all.total).toBe(5);
    expect(all.highlights.map((h) => h.id)).toEqual([e.id, d.id, c.id, b.id, a.id]);
    expect(all.highlights.find((h) => h.id === b.id)).toMatchObject({ documentTitle: 'Gao diary', exact: 'The convoy crossed the river', actorIds: [aqim.id] });
    expect(all.highlights.find((h) => h.id === e.id)).toMatchObject({ documentTitle: 'Zinder notes', exact: 'تقرير عن الساحل 🚚', actorIds: [] });
  });

  it('lists them in reading order: documents by title, then by place in each', () => {
    const { a, b, c, d, e } = twoDocuments();
    expect(t.call('highlights.all', { order: 'reading' }).highlights.map((h) => h.id)).toEqual([d.id, b.id, c.id, a.id, e.id]);
  });

  it('narrows by actor, by colour and by document, and the count follows', () => {
    const { b, c, d, zinder, aqim } = twoDocuments();
    const byActor = t.call('highlights.all', { order: 'reading', actorId: aqim.id });
    expect(byActor.highlights.map((h) => h.id)).toEqual([b.id, c.id]);
    expect(byActor.total).toBe(2);
    expect(t.call('highlights.all', { order: 'reading', colour: 'red' }).highlights.map((h) => h.id)).toEqual([d.id, b.id]);
    expect(t.call('highlights.all', { order: 'reading', documentId: zinder.id, actorId: aqim.id }).highlights.map((h) => h.id)).toEqual([c.id]);
  });

  it('leaves deleted highlights out, and brings them back when restored', () => {
    const { a } = twoDocuments();
    t.call('highlights.delete', { id: a.id });
    expect(t.call('highlights.all', { order: 'newest' }).highlights.map((h) => h.id)).not.toContain(a.id);
    t.call('highlights.restore', { id: a.id });
    expect(t.call('highlights.all', { order: 'newest' }).highlights.map((h) => h.id)).toContain(a.id);
  });

  it('lists at most its limit, but counts them all', () => {
    const text = Array.from({ length: ALL_HIGHLIGHTS_AT_MOST + 5 }, (_, i) => `word${i}`).join(' ');
    const doc = importText('long.txt', text);
    const insert = t.library.db.prepare(
      `INSERT INTO highlights (uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, colour, comment, created_at, updated_at)
       VALUES (?, ?, 'x', '', '', ?, ?, 'yellow', '', ?, ?)`,
    );
    t.library.db.transaction(() => {
      for (let i = 0; i < ALL_HIGHLIGHTS_AT_MOST + 5; i++) insert.run(`u${i}`, doc.id, i, i + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    })();
    for (const order of ['newest', 'reading'] as const) {
      const all = t.call('highlights.all', { order });
      expect(all.total).toBe(ALL_HIGHLIGHTS_AT_MOST + 5);
      expect(all.highlights).toHaveLength(ALL_HIGHLIGHTS_AT_MOST);
    }
  });

  it('answers a filter naming a missing document or actor, or an unknown order, with a clear error', () => {
    twoDocuments();
    expect(t.errorOf('highlights.all', { order: 'newest', actorId: 999 })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('highlights.all', { order: 'newest', documentId: 999 })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('highlights.all', { order: 'oldest' })).toEqual({ code: 'invalid_input', message: expect.stringContaining('newest first or in reading order'), field: 'order' });
  });

  it('narrows by creation date: from is inclusive, before is exclusive, whatever way the instant is written', () => {
    const { a, b, c, d, e } = twoDocuments();
    const setCreated = t.library.db.prepare('UPDATE highlights SET created_at = ? WHERE id = ?');
    setCreated.run('2026-02-28T23:59:59.999Z', a.id);
    setCreated.run('2026-03-01T00:00:00.000Z', b.id);
    setCreated.run('2026-03-15T12:00:00.000Z', c.id);
    setCreated.run('2026-03-31T23:59:59.999Z', d.id);
    setCreated.run('2026-04-01T00:00:00.000Z', e.id);
    const ids = (filter: object) => t.call('highlights.all', { order: 'newest', ...filter }).highlights.map((h) => h.id);
    expect(ids({ createdFrom: '2026-03-01T00:00:00.000Z', createdBefore: '2026-04-01T00:00:00.000Z' })).toEqual([d.id, c.id, b.id]);
    // Without milliseconds, and at another offset: the same instants.
    expect(ids({ createdFrom: '2026-03-01T00:00:00Z', createdBefore: '2026-04-01T02:00:00+02:00' })).toEqual([d.id, c.id, b.id]);
    expect(ids({ createdFrom: '2026-03-31T00:00:00Z' })).toEqual([e.id, d.id]);
    expect(ids({ createdBefore: '2026-03-01T00:00:00Z' })).toEqual([a.id]);
    expect(t.call('highlights.all', { order: 'reading', createdFrom: '2026-03-02T00:00:00Z', createdBefore: '2026-04-01T00:00:00Z' }).total).toBe(2);
  });

  it('refuses a date range that ends before it starts, or a time that is not ISO 8601', () => {
    twoDocuments();
    expect(t.errorOf('highlights.all', { order: 'newest', createdFrom: '2026-03-02T00:00:00Z', createdBefore: '2026-03-01T00:00:00Z' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('must not come after'),
    });
    expect(t.errorOf('highlights.all', { order: 'newest', createdFrom: 'yesterday' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('ISO 8601') });
  });
});
