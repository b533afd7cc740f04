import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../changes/change-feed';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-ach-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

/** Three hypotheses, a passage and a typed item, as in the e2e flow. */
function small() {
  let a = t.call('ach.create', { name: 'Who holds Timbuktu', question: 'Who will hold Timbuktu by spring?' });
  for (const text of ['AQIM', 'Ansar Dine', 'The army']) a = t.call('ach.addHypothesis', { analysisId: a.id, text });
  a = t.call('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.timbuktu.id });
  a = t.call('ach.addEvidence', { analysisId: a.id, text: 'Convoys seen heading north', weight: 2 });
  const [h1, h2, h3] = a.hypotheses.map((h) => h.id) as [number, number, number];
  const [passage, typed] = a.evidence.map((e) => e.id) as [number, number];
  return { a, h1, h2, h3, passage, typed };
}

describe('analyses of competing hypotheses', () => {
  it('lists, creates, renames and deletes analyses, A to Z', () => {
    const b = t.call('ach.create', { name: 'Second' });
    const a = t.call('ach.create', { name: 'First', question: 'Why?' });
    expect(t.call('ach.list', {}).map((x) => x.name)).toEqual(['First', 'Second']);
    expect(t.call('ach.update', { id: b.id, name: 'Zeroth' })).toMatchObject({ name: 'Zeroth', question: '', weighByGrade: false });
    expect(t.call('ach.delete', { id: a.id })).toMatchObject({ name: 'First' });
    expect(t.call('ach.list', {})).toMatchObject([{ name: 'Zeroth', hypothesisCount: 0, evidenceCount: 0 }]);
    expect(t.errorOf('ach.get', { id: a.id })).toEqual({ code: 'not_found', message: `There is no analysis with id ${a.id}.` });
  });

  it('builds the matrix, rates cells and answers with the scores and diagnosticity', () => {
    const { a, h1, h2, h3, passage, typed } = small();
    expect(a.evidence).toMatchObject([
      { kind: 'highlight', text: fixture.highlights.timbuktu.exact, documentTitle: fixture.article.title, weight: 1, diagnostic: false },
      { kind: 'note', text: 'Convoys seen heading north', highlightId: null, grade: null, weight: 2 },
    ]);
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'C' });
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h2, rating: 'I' });
    t.call('ach.rate', { evidenceId: typed, hypothesisId: h2, rating: 'II' });
    t.call('ach.rate', { evidenceId: typed, hypothesisId: h3, rating: 'I' });
    const rated = t.call('ach.rate', { evidenceId: typed, hypothesisId: h1, rating: 'CC' });
    expect(rated.scores).toEqual([
      { hypothesisId: h1, weightedInconsistency: 0, inconsistency: 0, weightedConsistency: 5, rank: 1 },
      { hypothesisId: h2, weightedInconsistency: 5, inconsistency: 3, weightedConsistency: 0, rank: 3 },
      { hypothesisId: h3, weightedInconsistency: 2, inconsistency: 1, weightedConsistency: 0, rank: 2 },
    ]);
    expect(rated.evidence.map((e) => e.diagnostic)).toEqual([true, true]);
    // Clearing a cell reads as N again.
    const cleared = t.call('ach.rate', { evidenceId: passage, hypothesisId: h2, rating: null });
    expect(cleared.ratings).toHaveLength(4);
    expect(cleared.scores[1]).toMatchObject({ weightedInconsistency: 4, inconsistency: 2 });
    // Rewording a hypothesis or reweighing an item keeps its ratings.
    expect(t.call('ach.updateHypothesis', { id: h2, text: 'Ansar Dine alone' }).hypotheses[1]!.text).toBe('Ansar Dine alone');
    expect(t.call('ach.updateEvidence', { id: typed, weight: 0.5 }).scores[1]).toMatchObject({ weightedInconsistency: 1 });
    // Removing a hypothesis or an item takes its ratings with it.
    expect(t.call('ach.removeHypothesis', { id: h3 }).ratings.map((r) => r.hypothesisId)).not.toContain(h3);
    const left = t.call('ach.removeEvidence', { id: typed });
    expect(left.evidence.map((e) => e.id)).toEqual([passage]);
    expect(left.ratings).toEqual([{ evidenceId: passage, hypothesisId: h1, rating: 'C' }]);
    expect(t.call('highlights.list', { documentId: fixture.article.id }).some((h) => h.id === fixture.highlights.timbuktu.id)).toBe(true);
  });

  it('weighs by source grade when asked: A1 in full, ungraded halves as cannot be judged', () => {
    const { a, h1, passage, typed } = small();
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'I' });
    t.call('ach.rate', { evidenceId: typed, hypothesisId: h1, rating: 'I' });
    t.call('documents.grade', { id: fixture.article.id, reliability: 'B', credibility: 2 });
    const plain = t.call('ach.get', { id: a.id });
    expect(plain.evidence[0]).toMatchObject({ grade: { reliability: 'B', credibility: 2 }, effectiveWeight: 1 });
    expect(plain.scores[0]!.weightedInconsistency).toBe(3);
    const weighed = t.call('ach.update', { id: a.id, weighByGrade: true });
    // B2: 0.8 × 0.8; the typed item has no grade: 2 × 0.5 × 0.5.
    expect(weighed.evidence.map((e) => e.effectiveWeight)).toEqual([0.64, 0.5]);
    expect(weighed.scores[0]!.weightedInconsistency).toBeCloseTo(1.14);
    t.call('highlights.grade', { id: fixture.highlights.timbuktu.id, credibility: 5 });
    expect(t.call('ach.get', { id: a.id }).evidence[0]!.effectiveWeight).toBeCloseTo(0.16);
  });

  it('keeps a deleted passage as evidence, with the quote it had, and its ratings', () => {
    const { a, h1, passage } = small();
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'II' });
    t.call('highlights.delete', { id: fixture.highlights.timbuktu.id });
    const after = t.call('ach.get', { id: a.id });
    expect(after.evidence[0]).toMatchObject({ highlightDeleted: true, text: fixture.highlights.timbuktu.exact, highlightId: fixture.highlights.timbuktu.id });
    expect(after.scores[0]!.weightedInconsistency).toBe(2);
    // Restored, it is live again; removed for good (as no op does today, but a future purge might), the quote still stands.
    expect(t.call('highlights.restore', { id: fixture.highlights.timbuktu.id }) && t.call('ach.get', { id: a.id }).evidence[0]!.highlightDeleted).toBe(false);
    t.library.db.prepare('DELETE FROM highlights WHERE id = ?').run(fixture.highlights.timbuktu.id);
    expect(t.call('ach.get', { id: a.id }).evidence[0]).toMatchObject({ highlightDeleted: true, highlightId: null, text: fixture.highlights.timbuktu.exact });
  });

  it('answers bad input with a clear error and writes nothing', () => {
    const { a, h1, passage } = small();
    const other = t.call('ach.addHypothesis', { analysisId: t.call('ach.create', { name: 'Other' }).id, text: 'Elsewhere' });
    expect(t.errorOf('ach.create', { name: ' ' })).toEqual({ code: 'invalid_input', message: 'An analysis needs a name.', field: 'name' });
    expect(t.errorOf('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'X' })).toMatchObject({ code: 'invalid_input', message: 'A rating is one of CC, C, N, I, II, NA.', field: 'rating' });
    expect(t.errorOf('ach.rate', { evidenceId: passage, hypothesisId: other.hypotheses[0]!.id, rating: 'C' })).toEqual({
      code: 'invalid_input',
      message: 'The evidence item and the hypothesis belong to different analyses.',
    });
    expect(t.errorOf('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.convoy.id, text: 'both' })).toMatchObject({
      code: 'invalid_input',
      message: 'Evidence is a highlight or a typed text, one of the two.',
    });
    expect(t.errorOf('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.timbuktu.id })).toMatchObject({ code: 'conflict' });
    expect(t.errorOf('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.deleted.id })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('ach.addEvidence', { analysisId: a.id, text: 'x', weight: 0 })).toMatchObject({ code: 'invalid_input', field: 'weight' });
    expect(t.errorOf('ach.updateEvidence', { id: passage, text: 'Reworded' })).toMatchObject({ code: 'refused' });
    expect(t.errorOf('ach.addHypothesis', { analysisId: a.id, text: '' })).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(t.call('ach.get', { id: a.id })).toEqual(a);
  });

  it('publishes every write as a change to the analysis', () => {
    const feed = new ChangeFeed(t.library);
    feed.poll();
    const { a, h1, passage } = small();
    expect(feed.poll()!.changed).toEqual({ analysis: [a.id] });
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'C' });
    expect(feed.poll()!.changed).toEqual({ analysis: [a.id] });
    t.call('ach.delete', { id: a.id });
    expect(feed.poll()!.changed).toEqual({ analysis: [a.id] });
  });

  it('exports the matrix, scores and quotes as CSV and Markdown', () => {
    const { a, h1, h2, passage, typed } = small();
    t.call('ach.rate', { evidenceId: passage, hypothesisId: h1, rating: 'II' });
    t.call('ach.rate', { evidenceId: typed, hypothesisId: h2, rating: 'C' });
    const csv = t.call('export.ach', { id: a.id, format: 'csv', bom: false });
    expect(csv.fileName).toBe('Who holds Timbuktu.csv');
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Item,Evidence,Source,Grade,Weight,Weight used,Diagnostic,H1: AQIM,H2: Ansar Dine,H3: The army');
    expect(lines[1]).toContain(fixture.highlights.timbuktu.exact.slice(0, 20));
    expect(lines[1]!.endsWith(',1,1,yes,II,,')).toBe(true);
    expect(lines[2]).toBe('E2,Convoys seen heading north,Typed,,2,2,yes,,C,');
    expect(lines.slice(3)).toEqual(['Weighted inconsistency,,,,,,,2,0,0', 'Inconsistency (unweighted),,,,,,,2,0,0', 'Weighted consistency,,,,,,,0,2,0', 'Rank,,,,,,,3,1,1']);
    const md = t.call('export.ach', { id: a.id, format: 'markdown' });
    expect(md.fileName).toBe('Who holds Timbuktu.md');
    expect(md.content).toContain('**Question:** Who will hold Timbuktu by spring?');
    expect(md.content).toContain('| 3 | H1: AQIM | 2 | 2 | 0 |');
    expect(md.content).toContain('| E1 | 1 | II |   |   |');
    expect(md.content).toContain('> Convoys seen heading north');
  });
});
