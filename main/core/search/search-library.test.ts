import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { OpProgress } from '../../common/progress';
import type { Snippet } from '../../common/records';
import { dispatch } from '../../ops';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const marked = (snippet: Snippet) => snippet.filter((s) => s.mark).map((s) => s.text);
const search = (query: string, extra = {}) => call('search.query', { query, ...extra });

const markdown = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

/**
 * Three reports whose matching sentence differs by its day and sits at a different place in
 * each (a longer preamble each time), so a snippet or jump target taken from the wrong
 * document, or from the wrong place in the right one, shows.
 */
function importFieldReports(): Array<{ id: number; text: string }> {
  const files = [1, 2, 3].map((n) =>
    markdown(
      `report-${n}.md`,
      `# Field report ${n}\n\n${'The patrol waited at the ferry for news. '.repeat(n * 3)}\n\nThe convoy crossed the river near Gao on day ${n}, watched from the bank.\n`,
    ),
  );
  const outcomes = call('documents.import', { files });
  return outcomes.map((o) => {
    const id = (o as { document: { id: number } }).document.id;
    return { id, text: call('documents.get', { id }).text };
  });
}

function highlight(phrase: string, comment = '') {
  const [doc] = call('documents.list', {});
  const text = call('documents.get', { id: doc!.id }).text;
  const start = text.indexOf(phrase);
  return call('highlights.create', { documentId: doc!.id, start, end: start + phrase.length, colour: 'green', comment });
}

describe('searching the library', () => {
  it('finds the article by a word as it is typed, with the word marked and located', () => {
    const { documents } = search('wadou');
    expect(documents).toHaveLength(1);
    expect(documents[0]!.title).toBe('Al-Quaeda and state sanctuary in the Islamic Maghreb');
    expect(marked(documents[0]!.snippet)).toContain('Wadoud');
    const text = call('documents.get', { id: documents[0]!.id }).text;
    expect(text.slice(documents[0]!.match!.start, documents[0]!.match!.end)).toBe('Wadoud');
  });

  it('shows each matching document its own snippet and jump target', () => {
    const reports = importFieldReports();
    const { documents } = search('convoy');
    expect(documents.map((d) => d.id).sort((a, b) => a - b)).toEqual(reports.map((r) => r.id));
    for (const result of documents) {
      const n = result.title.replace('Field report ', '');
      const text = reports.find((r) => r.id === result.id)!.text;
      expect(result.snippet.map((s) => s.text).join('')).toContain(`day ${n}`);
      expect(result.match).toEqual({ start: text.indexOf('convoy'), end: text.indexOf('convoy') + 'convoy'.length });
    }
  });

  it('shows each matching highlight and note its own snippet', () => {
    const reports = importFieldReports();
    const made = reports.map((r, i) => {
      const start = r.text.indexOf('convoy');
      return call('highlights.create', { documentId: r.id, start, end: start + 6, colour: 'green', comment: `escort number ${i + 1}` });
    });
    const found = search('escort').highlights;
    expect(found.map((h) => h.id).sort((a, b) => a - b)).toEqual(made.map((h) => h.id));
    for (const h of found) expect(h.snippet.map((s) => s.text).join('')).toContain(`number ${made.findIndex((m) => m.id === h.id) + 1}`);
    const notes = [1, 2].map((n) => call('notes.create', { title: `Escort log ${n}` }));
    expect(search('escort log').notes.map((r) => [r.id, r.snippet.map((s) => s.text).join('')]).sort()).toEqual(
      notes.map((note, i) => [note.id, `Escort log ${i + 1}`]).sort(),
    );
  });

  it('ignores case and diacritics', () => {
    expect(search('liberation de l azawad').documents).toHaveLength(1);
    expect(search('LIBÉRATION').documents).toHaveLength(1);
  });

  it('searches phrases and excludes words', () => {
    expect(search('"secure area"').documents).toHaveLength(1);
    expect(search('"area secure"').documents).toHaveLength(0);
    expect(search('sanctuary -timbuktu').documents).toHaveLength(0);
  });

  it('never fails on malformed input', () => {
    for (const query of ['"unbalanced', 'AND OR NOT', '(((', 'NEAR(a b', '*', '-', '"', 'a:b', '^x']) {
      expect(() => search(query)).not.toThrow();
    }
  });

  it('finds highlights by their comment, keeping the index true as they change', () => {
    const h = highlight('destroyed some holy places in Timbuktu', 'mausoleums');
    expect(search('mausoleums').highlights.map((r) => r.id)).toEqual([h.id]);
    call('highlights.update', { id: h.id, comment: 'shrines' });
    expect(search('mausoleums').highlights).toEqual([]);
    expect(search('shrines').highlights.map((r) => r.id)).toEqual([h.id]);
    call('highlights.delete', { id: h.id });
    expect(search('shrines').highlights).toEqual([]);
  });

  it('filters highlights by colour and actor', () => {
    const h = highlight('AQIM set up in this region');
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    expect(search('region', { actorId: aqim.id }).highlights).toEqual([]);
    call('highlights.tag', { highlightId: h.id, actorId: aqim.id });
    expect(search('region', { actorId: aqim.id }).highlights.map((r) => r.id)).toEqual([h.id]);
    expect(search('region', { colour: 'red' }).highlights).toEqual([]);
    expect(search('region', { colour: 'green' }).documents).toEqual([]);
  });

  it('narrows to one theme: its passages and the documents holding them', () => {
    const [one, two] = importFieldReports();
    const convoy = (doc: { id: number; text: string }) => {
      const start = doc.text.indexOf('The convoy crossed');
      return call('highlights.create', { documentId: doc.id, start, end: start + 'The convoy crossed the river'.length, colour: 'yellow' });
    };
    const [first, second] = [convoy(one!), convoy(two!)];
    const crossings = call('themes.create', { name: 'River crossings' });
    call('highlights.tagTheme', { highlightId: second.id, themeId: crossings.id });

    const narrowed = search('convoy', { themeId: crossings.id });
    expect(narrowed.highlights.map((h) => h.id)).toEqual([second.id]);
    expect(narrowed.documents.map((d) => d.id)).toEqual([two!.id]);
    expect([narrowed.actors, narrowed.themes, narrowed.notes]).toEqual([[], [], []]);
    expect(search('convoy').highlights.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
    // A theme no passage carries leaves nothing, not everything.
    const empty = call('themes.create', { name: 'Ransom' });
    expect(search('convoy', { themeId: empty.id })).toEqual({ documents: [], highlights: [], notes: [], actors: [], themes: [], analyses: [] });
  });

  it('finds actors by their aliases', () => {
    call('actors.create', { name: 'MNLA', kind: 'group', aliases: ['Mouvement National de Libération de l’Azawad'] });
    expect(search('mouvement').actors.map((a) => a.name)).toEqual(['MNLA']);
  });

  it('can rebuild the index and find the same things', () => {
    highlight('destroyed some holy places in Timbuktu', 'mausoleums');
    t.library.db.exec("INSERT INTO highlights_fts(highlights_fts) VALUES ('delete-all')");
    expect(search('mausoleums').highlights).toEqual([]);
    call('search.rebuild', {});
    expect(search('mausoleums').highlights).toHaveLength(1);
  });

  it('says how far a rebuild has got, and a cancel midway leaves the index as it was', () => {
    // Lost passages, which the rebuild's first stage cuts afresh.
    t.library.db.exec('DELETE FROM document_passages');
    const passages = () => (t.library.db.prepare('SELECT count(*) AS n FROM document_passages').get() as { n: number }).n;
    const heard: OpProgress[] = [];
    const stopped = dispatch(
      { library: t.library, task: { report: (progress) => heard.push(progress), cancelled: () => heard.length >= 2 } },
      'search.rebuild',
      {},
    );
    expect(stopped).toEqual({ ok: false, error: { code: 'cancelled', message: 'The search index was not rebuilt: it was cancelled, and is as it was.' } });
    expect(heard.map((p) => p.message)).toEqual(['Rebuilt the index of document passages', 'Rebuilt the index of documents']);
    expect(heard[0]).toMatchObject({ done: 1, total: 8 });
    // The passages the first stage cut were rolled back with the rest: still lost, as before.
    expect(passages()).toBe(0);
    expect(call('search.rebuild', {})).toEqual({ rebuilt: true });
    expect(passages()).toBeGreaterThan(0);
  });
});
