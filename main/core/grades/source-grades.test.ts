import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-grades-');
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);

function importReport(name: string, text: string): number {
  const [outcome] = call('documents.import', { files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return outcome.document.id;
}

function passage(documentId: number, phrase: string, actorIds: number[] = []): number {
  const text = call('documents.get', { id: documentId }).text;
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not found: ${phrase}`);
  const highlight = call('highlights.create', { documentId, start, end: start + phrase.length, colour: 'yellow' });
  for (const actorId of actorIds) call('highlights.tag', { highlightId: highlight.id, actorId });
  return highlight.id;
}

const documentRow = (id: number) => t.library.db.prepare('SELECT reliability, credibility, updated_at FROM documents WHERE id = ?').get(id);

describe('grading a document as a source', () => {
  it('sets, keeps and clears its reliability and credibility, and lists them', () => {
    const id = importReport('report.txt', 'The convoy left Gao at dawn.');
    expect(call('documents.get', { id })).toMatchObject({ reliability: null, credibility: null });

    expect(call('documents.grade', { id, reliability: 'B', credibility: 2 })).toMatchObject({ reliability: 'B', credibility: 2 });
    // What is omitted stays.
    expect(call('documents.grade', { id, reliability: 'C' })).toMatchObject({ reliability: 'C', credibility: 2 });
    expect(call('documents.grade', { id, credibility: null })).toMatchObject({ reliability: 'C', credibility: null });
    expect(call('documents.list', {}).find((d) => d.id === id)).toMatchObject({ reliability: 'C', credibility: null });
    expect(call('documents.grade', { id, reliability: null })).toMatchObject({ reliability: null, credibility: null });

    // A newer version of the same source is the same source.
    call('documents.grade', { id, reliability: 'A', credibility: 1 });
    const newer = Buffer.from('The convoy left Gao at noon.').toString('base64');
    expect(call('documents.replace', { id, file: { name: 'report.txt', base64: newer } }).document).toMatchObject({ reliability: 'A', credibility: 1 });
  });

  it('refuses what is not the Admiralty code, with the rule, and writes nothing', () => {
    const id = importReport('report.txt', 'The convoy left Gao at dawn.');
    call('documents.grade', { id, reliability: 'B', credibility: 2 });
    const before = documentRow(id);
    expect(t.errorOf('documents.grade', { id, reliability: 'G' })).toEqual({
      code: 'invalid_input',
      message: 'A source’s reliability is a letter from A to F.',
      field: 'reliability',
    });
    expect(t.errorOf('documents.grade', { id, reliability: 'b' }).message).toContain('a letter from A to F');
    // A valid letter beside a bad digit is not half-written.
    expect(t.errorOf('documents.grade', { id, reliability: 'A', credibility: 7 }).message).toBe('A credibility is a digit from 1 to 6.');
    expect(t.errorOf('documents.grade', { id, reliability: 'A', credibility: '2' }).message).toContain('a digit from 1 to 6');
    expect(t.errorOf('documents.grade', { id }).message).toContain('Give a reliability (A to F), a credibility (1 to 6) or both.');
    expect(t.errorOf('documents.grade', { id: 9999, reliability: 'A' })).toMatchObject({ code: 'not_found' });
    expect(documentRow(id)).toEqual(before);
  });

  it('is a change to the document and to what each of its live passages shows; the same grade again writes nothing', () => {
    const id = importReport('report.txt', 'The convoy left Gao at dawn. The market reopened.');
    const convoy = passage(id, 'The convoy left Gao');
    const market = passage(id, 'The market reopened');
    call('highlights.delete', { id: market });
    const lastSeq = () => (t.library.db.prepare('SELECT max(seq) AS seq FROM change_log').get() as { seq: number }).seq;
    const since = (seq: number) => t.library.db.prepare('SELECT kind, row_id AS id FROM change_log WHERE seq > ? ORDER BY seq').all(seq);

    const before = lastSeq();
    call('documents.grade', { id, reliability: 'A' });
    expect(since(before)).toEqual(expect.arrayContaining([{ kind: 'document', id }, { kind: 'highlight', id: convoy }]));
    expect(since(before)).not.toContainEqual({ kind: 'highlight', id: market });

    const row = documentRow(id);
    const unchanged = lastSeq();
    call('documents.grade', { id, reliability: 'A' });
    expect(since(unchanged)).toEqual([]);
    expect(documentRow(id)).toEqual(row);
  });
});

describe('a passage’s credibility', () => {
  it('is its own when it has one, else its document’s, and says which', () => {
    const id = importReport('report.txt', 'The convoy left Gao at dawn. The market reopened.');
    const convoy = passage(id, 'The convoy left Gao');
    const market = passage(id, 'The market reopened');
    const get = (highlightId: number) => call('highlights.list', { documentId: id }).find((h) => h.id === highlightId)!;

    expect(get(convoy)).toMatchObject({ credibility: null, grade: { reliability: null, credibility: null, credibilityFromDocument: false } });
    call('documents.grade', { id, reliability: 'B', credibility: 2 });
    expect(get(convoy)).toMatchObject({ credibility: null, grade: { reliability: 'B', credibility: 2, credibilityFromDocument: true } });

    const graded = call('highlights.grade', { id: market, credibility: 5 });
    expect(graded).toMatchObject({ credibility: 5, grade: { reliability: 'B', credibility: 5, credibilityFromDocument: false } });
    expect(call('highlights.all', { order: 'reading' }).highlights.find((h) => h.id === market)).toMatchObject({ credibility: 5, grade: { credibility: 5 } });

    // Cleared: its document's again.
    expect(call('highlights.grade', { id: market, credibility: null })).toMatchObject({ credibility: null, grade: { credibility: 2, credibilityFromDocument: true } });
    expect(t.errorOf('highlights.grade', { id: market, credibility: 0 }).message).toBe('A credibility is a digit from 1 to 6.');
    expect(t.errorOf('highlights.grade', { id: market })).toMatchObject({ code: 'invalid_input' });
    expect(t.errorOf('highlights.grade', { id: 9999, credibility: 1 })).toMatchObject({ code: 'not_found' });
  });
});

describe('filtering by grade', () => {
  /** Two sources graded differently, one not graded; a passage in the B source overrides its credibility. */
  function gradedLibrary() {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' }).id;
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
    const mali = call('actors.create', { name: 'Mali', kind: 'state' }).id;
    const trusted = importReport('trusted.txt', 'AQIM and MNLA met in Kidal. AQIM and Mali clashed near Gao.');
    const rumour = importReport('rumour.txt', 'MNLA and Mali signed a truce, a trader said.');
    const ungraded = importReport('ungraded.txt', 'AQIM and MNLA crossed the river.');
    call('documents.grade', { id: trusted, reliability: 'B', credibility: 2 });
    call('documents.grade', { id: rumour, reliability: 'E', credibility: 4 });
    const met = passage(trusted, 'AQIM and MNLA met in Kidal', [aqim, mnla]);
    const clashed = passage(trusted, 'AQIM and Mali clashed near Gao', [aqim, mali]);
    const truce = passage(rumour, 'MNLA and Mali signed a truce', [mnla, mali]);
    const crossed = passage(ungraded, 'AQIM and MNLA crossed the river', [aqim, mnla]);
    call('highlights.grade', { id: clashed, credibility: 3 });
    return { aqim, mnla, mali, met, clashed, truce, crossed };
  }

  const ids = (answer: OpOutputs['highlights.all']) => answer.highlights.map((h) => h.id).sort((a, b) => a - b);

  it('narrows All highlights by reliability and by credibility, its own or its document’s', () => {
    const p = gradedLibrary();
    expect(ids(call('highlights.all', { order: 'reading', reliability: ['B'] }))).toEqual([p.met, p.clashed]);
    expect(ids(call('highlights.all', { order: 'reading', reliability: ['B', 'E'] }))).toEqual([p.met, p.clashed, p.truce]);
    expect(ids(call('highlights.all', { order: 'reading', credibility: [2] }))).toEqual([p.met]);
    expect(ids(call('highlights.all', { order: 'reading', credibility: [3, 4] }))).toEqual([p.clashed, p.truce]);
    expect(call('highlights.all', { order: 'newest', reliability: ['B'], credibility: [3] }).total).toBe(1);
    // null is "not graded"; an empty list keeps nothing.
    const ungraded = call('highlights.all', { order: 'reading', reliability: [null] });
    expect(ungraded.highlights.map((h) => h.exact)).toContain('AQIM and MNLA crossed the river');
    expect(ungraded.highlights.map((h) => h.id)).not.toContain(p.met);
    expect(call('highlights.all', { order: 'reading', credibility: [] }).total).toBe(0);
    expect(t.errorOf('highlights.all', { order: 'reading', reliability: ['B', 'B'] }).message).toContain('Name each grade once.');
    expect(t.errorOf('highlights.all', { order: 'reading', reliability: ['Z'] }).message).toContain('a letter from A to F');
  });

  it('draws the network, its links’ passages and the co-occurrence matrix from the passages so graded', () => {
    const p = gradedLibrary();
    const links = (network: OpOutputs['analysis.network']) => network.links.map((l) => `${l.source}-${l.target}:${l.weight}`).sort();
    const pair = (a: number, b: number, weight: number) => `${Math.min(a, b)}-${Math.max(a, b)}:${weight}`;
    expect(links(call('analysis.network', {}))).toEqual([pair(p.aqim, p.mnla, 2), pair(p.aqim, p.mali, 1), pair(p.mnla, p.mali, 1)].sort());
    expect(links(call('analysis.network', { reliability: ['A', 'B'] }))).toEqual([pair(p.aqim, p.mnla, 1), pair(p.aqim, p.mali, 1)].sort());
    expect(links(call('analysis.network', { credibility: [1, 2] }))).toEqual([pair(p.aqim, p.mnla, 1)]);
    expect(links(call('analysis.network', { reliability: [null] }))).toEqual([pair(p.aqim, p.mnla, 1)]);
    const passages = call('analysis.linkPassages', { source: p.aqim, target: p.mnla, reliability: ['B'] });
    expect(passages.passages.map((x) => [x.highlight.id, x.highlight.grade])).toEqual([
      [p.met, { reliability: 'B', credibility: 2, credibilityFromDocument: true }],
    ]);
    expect(call('export.network', { format: 'csv', reliability: ['E'] }).content).toContain('Mali');

    const theme = call('themes.create', { name: 'Meetings' }).id;
    call('highlights.tagTheme', { highlightId: p.met, themeId: theme });
    call('highlights.tagTheme', { highlightId: p.crossed, themeId: theme });
    const count = (input: object) => call('analysis.coOccurrence', { against: 'actors', ...input }).rows[0]!.passageCount;
    expect([count({}), count({ reliability: ['B'] }), count({ credibility: [6] })]).toEqual([2, 1, 0]);
  });
});
