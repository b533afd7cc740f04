import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { Snippet } from '../../common/records';
import { callOn, populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-search-analyses-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const words = (snippet: Snippet) => snippet.map((s) => s.text).join('');
const marked = (snippet: Snippet) => snippet.filter((s) => s.mark).map((s) => s.text);
const analyses = (query: string, extra = {}) => call('search.query', { query, ...extra }).analyses;
/** Each result as [name, where it matched, its snippet's words], by name. */
const found = (query: string, extra = {}) =>
  analyses(query, extra)
    .map((r) => [r.name, r.field, r.label, words(r.snippet)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

function analysis(name: string, question = '') {
  return call('ach.create', { name, question });
}
const hypothesis = (analysisId: number, text: string) => call('ach.addHypothesis', { analysisId, text });
const typed = (analysisId: number, text: string) => call('ach.addEvidence', { analysisId, text });

describe('searching analyses of competing hypotheses', () => {
  it('shows each matching analysis the piece that matched, with its own words and label', () => {
    const north = analysis('Who holds the north', 'Who will hold Kidal by spring?');
    hypothesis(north.id, 'AQIM alone');
    hypothesis(north.id, 'A convoy of smugglers from Gao holds the roads');
    const army = analysis('The army', 'Did the convoy from Bamako reach Mopti?');
    const ransom = analysis('Ransoms');
    call('ach.addEvidence', { analysisId: ransom.id, highlightId: fixture.highlights.timbuktu.id });
    typed(ransom.id, 'Payments made in 2012');
    typed(ransom.id, 'A convoy paid at the border near Tessalit');
    analysis('Unrelated', 'Nothing to see');

    expect(found('convoy')).toEqual([
      ['Ransoms', 'evidence', 'E3', 'A convoy paid at the border near Tessalit'],
      ['The army', 'question', null, 'Did the convoy from Bamako reach Mopti?'],
      ['Who holds the north', 'hypothesis', 'H2', 'A convoy of smugglers from Gao holds the roads'],
    ]);
    for (const result of analyses('convoy')) expect(marked(result.snippet)).toEqual(['convoy']);
    expect(analyses('convoy').map((r) => r.id).sort((a, b) => a - b)).toEqual([north.id, army.id, ransom.id]);
    // The name weighs most: an analysis named by the word comes before those that only mention it.
    analysis('Convoy watch');
    expect(analyses('convoy')[0]).toMatchObject({ name: 'Convoy watch', field: 'name', label: null });
  });

  it('finds an analysis by its best piece once, however many pieces match', () => {
    const a = analysis('Roads', 'Which roads stay open?');
    hypothesis(a.id, 'The roads north stay open');
    typed(a.id, 'Roads closed after the rains');
    expect(analyses('roads')).toHaveLength(1);
    expect(analyses('roads')[0]).toMatchObject({ id: a.id, field: 'name' });
  });

  it('follows every write, in the write’s transaction', () => {
    const a = analysis('Timbuktu', 'Who holds it?');
    const h = hypothesis(a.id, 'Ansar Dine').hypotheses[0]!;
    const e = typed(a.id, 'Flags seen on the mosque').evidence[0]!;
    expect(found('ansar')).toEqual([['Timbuktu', 'hypothesis', 'H1', 'Ansar Dine']]);
    expect(found('flags')).toEqual([['Timbuktu', 'evidence', 'E1', 'Flags seen on the mosque']]);

    call('ach.update', { id: a.id, name: 'Gao', question: 'Who governs the town?' });
    expect(found('timbuktu')).toEqual([]);
    expect(found('gao')).toEqual([['Gao', 'name', null, 'Gao']]);
    expect(found('governs')).toEqual([['Gao', 'question', null, 'Who governs the town?']]);
    call('ach.update', { id: a.id, question: '' });
    expect(found('governs')).toEqual([]);

    call('ach.updateHypothesis', { id: h.id, text: 'MUJAO' });
    expect(found('ansar')).toEqual([]);
    expect(found('mujao')).toEqual([['Gao', 'hypothesis', 'H1', 'MUJAO']]);
    call('ach.updateEvidence', { id: e.id, text: 'Banners over the market' });
    expect(found('flags')).toEqual([]);
    expect(found('banners')).toEqual([['Gao', 'evidence', 'E1', 'Banners over the market']]);
    // Reweighing an item leaves its words as they were.
    call('ach.updateEvidence', { id: e.id, weight: 2 });
    expect(found('banners')).toHaveLength(1);

    // Labels follow the matrix: removing H1 makes the next hypothesis H1.
    const second = hypothesis(a.id, 'The army returns').hypotheses[1]!;
    expect(found('returns')).toEqual([['Gao', 'hypothesis', 'H2', 'The army returns']]);
    call('ach.removeHypothesis', { id: h.id });
    expect(found('mujao')).toEqual([]);
    expect(found('returns')).toEqual([['Gao', 'hypothesis', 'H1', 'The army returns']]);
    call('ach.removeEvidence', { id: e.id });
    expect(found('banners')).toEqual([]);

    typed(a.id, 'Checkpoints on the river');
    call('ach.delete', { id: a.id });
    for (const word of ['gao', 'returns', 'checkpoints']) expect(found(word)).toEqual([]);
    expect(t.library.db.prepare('SELECT count(*) AS n FROM analyses_fts').get()).toEqual({ n: 0 });
    expect(second.text).toBe('The army returns');
  });

  it('leaves a quoted passage to be found as the highlight it is', () => {
    const a = analysis('Quotes');
    call('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.timbuktu.id });
    const word = fixture.highlights.timbuktu.exact.split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w))!;
    const results = call('search.query', { query: word });
    expect(results.highlights.map((h) => h.id)).toContain(fixture.highlights.timbuktu.id);
    expect(results.analyses).toEqual([]);
  });

  it('finds accented, emoji-studded and right-to-left words, with the snippet in the text’s own characters', () => {
    const a = analysis('Réseaux 🚚 du désert', 'Qui contrôle les routes ? 🐪');
    hypothesis(a.id, 'القاعدة في بلاد المغرب الإسلامي');
    typed(a.id, 'Le convoi 🚚🚚 est passé à Tombouctou 👍🏽 hier');
    expect(found('reseaux')).toEqual([['Réseaux 🚚 du désert', 'name', null, 'Réseaux 🚚 du désert']]);
    expect(marked(analyses('controle')[0]!.snippet)).toEqual(['contrôle']);
    expect(words(analyses('controle')[0]!.snippet)).toBe('Qui contrôle les routes ? 🐪');
    expect(found('المغرب')).toEqual([['Réseaux 🚚 du désert', 'hypothesis', 'H1', 'القاعدة في بلاد المغرب الإسلامي']]);
    expect(marked(analyses('المغرب')[0]!.snippet)).toEqual(['المغرب']);
    const evidence = analyses('tombouctou passe')[0]!;
    expect(evidence).toMatchObject({ field: 'evidence', label: 'E1' });
    expect(words(evidence.snippet)).toBe('Le convoi 🚚🚚 est passé à Tombouctou 👍🏽 hier');
    expect(marked(evidence.snippet)).toEqual(['passé', 'Tombouctou']);
  });

  it('respects the filters as notes do', () => {
    const a = analysis('Kidal convoy');
    call('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.convoy.id });
    const b = analysis('Kidal roads');
    call('ach.addEvidence', { analysisId: b.id, highlightId: fixture.highlights.timbuktu.id });
    expect(analyses('kidal')).toHaveLength(2);
    // An analysis is no document's, and no highlight's colour.
    expect(analyses('kidal', { documentId: fixture.article.id })).toEqual([]);
    expect(analyses('kidal', { colour: 'green' })).toEqual([]);
    // By actor or theme: the analyses whose evidence quotes a passage tagged with it.
    expect(analyses('kidal', { actorId: fixture.belmokhtar.id }).map((r) => r.id)).toEqual([a.id]);
    const theme = call('themes.create', { name: 'Roads' });
    call('highlights.tagTheme', { highlightId: fixture.highlights.timbuktu.id, themeId: theme.id });
    expect(analyses('kidal', { themeId: theme.id }).map((r) => r.id)).toEqual([b.id]);
    // Kinds, and words excluded anywhere in the analysis.
    const onlyAnalyses = call('search.query', { query: 'kidal', kinds: ['analysis'] });
    expect(onlyAnalyses.documents).toEqual([]);
    expect(onlyAnalyses.analyses).toHaveLength(2);
    expect(call('search.query', { query: 'kidal', kinds: ['document'] }).analyses).toEqual([]);
    typed(b.id, 'Rains closed the piste');
    expect(analyses('kidal -rains').map((r) => r.id)).toEqual([a.id]);
  });

  it('is rebuilt by search.rebuild', () => {
    const a = analysis('Sahel', 'Who crosses the desert?');
    hypothesis(a.id, 'Smugglers');
    typed(a.id, 'Tracks in the sand');
    t.library.db.exec('DELETE FROM analyses_fts');
    expect(found('smugglers')).toEqual([]);
    expect(call('search.rebuild', {})).toEqual({ rebuilt: true });
    expect(found('sahel')).toEqual([['Sahel', 'name', null, 'Sahel']]);
    expect(found('smugglers')).toEqual([['Sahel', 'hypothesis', 'H1', 'Smugglers']]);
    expect(found('tracks')).toEqual([['Sahel', 'evidence', 'E1', 'Tracks in the sand']]);
    expect(found('crosses')).toEqual([['Sahel', 'question', null, 'Who crosses the desert?']]);
  });

  it('finds analyses restored from a JSON archive', () => {
    const a = analysis('Restored', 'Who paid the ransom?');
    hypothesis(a.id, 'Intermediaries');
    typed(a.id, 'A courier crossed at Tinzaouaten');
    const json = call('export.archive', {}).content;
    const fresh = t.open('fresh.sqlite');
    callOn(fresh, 'library.restoreArchive', { json });
    const where = (query: string) => callOn(fresh, 'search.query', { query }).analyses.map((r) => [r.name, r.field, r.label, words(r.snippet)]);
    expect(where('intermediaries')).toEqual([['Restored', 'hypothesis', 'H1', 'Intermediaries']]);
    expect(where('courier')).toEqual([['Restored', 'evidence', 'E1', 'A courier crossed at Tinzaouaten']]);
    expect(where('ransom')).toEqual([['Restored', 'question', null, 'Who paid the ransom?']]);
  });

  it('still refuses bad input clearly', () => {
    expect(t.errorOf('search.query', { query: 'kidal', kinds: ['analyses'] })).toMatchObject({ code: 'invalid_input', field: 'kinds.0' });
    expect(t.errorOf('search.query', { query: 'x'.repeat(501) })).toMatchObject({
      code: 'invalid_input',
      message: 'A search can be at most 500 characters.',
    });
    const a = analysis('Refusals');
    expect(t.errorOf('ach.addHypothesis', { analysisId: a.id, text: '  ' })).toMatchObject({ code: 'invalid_input', message: 'A hypothesis needs words.' });
    expect(t.errorOf('ach.updateEvidence', { id: 999, text: 'x' })).toMatchObject({ code: 'not_found' });
    expect(found('refusals')).toEqual([['Refusals', 'name', null, 'Refusals']]);
    expect(t.library.db.prepare('SELECT count(*) AS n FROM analyses_fts').get()).toEqual({ n: 1 });
  });
});
