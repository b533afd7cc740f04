import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../ops';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { runCliCaptured } from './run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-ach-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

/** Two hypotheses, a passage of the bundled article and a typed item, rated, made as the app would. */
function withAnalysis(): number {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = <T = { id: number; hypotheses: Array<{ id: number }>; evidence: Array<{ id: number }> }>(name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const text = call<{ text: string }>('documents.get', { id: 1 }).text;
  const start = text.indexOf('the Mali war');
  const h = call('highlights.create', { documentId: 1, start, end: start + 'the Mali war'.length, colour: 'red' });
  const id = call('ach.create', { name: 'Mali', question: 'Who gains?' }).id;
  call('ach.addHypothesis', { analysisId: id, text: 'The state' });
  call('ach.addHypothesis', { analysisId: id, text: 'The insurgents' });
  call('ach.addEvidence', { analysisId: id, highlightId: h.id });
  const a = call('ach.addEvidence', { analysisId: id, text: 'Roads closed', weight: 2 });
  const [h1, h2] = a.hypotheses.map((x) => x.id);
  const [e1, e2] = a.evidence.map((x) => x.id);
  call('ach.rate', { evidenceId: e1, hypothesisId: h1, rating: 'I' });
  call('ach.rate', { evidenceId: e2, hypothesisId: h1, rating: 'II' });
  call('ach.rate', { evidenceId: e2, hypothesisId: h2, rating: 'C' });
  library.close();
  return id;
}

describe('ach on the command line', () => {
  it('lists the analyses, and prints one ranked, with its matrix', async () => {
    expect((await cli('ach')).stdout).toBe('No analyses yet.\n');
    const id = withAnalysis();
    expect((await cli('ach')).stdout.split('\n')).toEqual([
      'ID  NAME  HYPOTHESES  EVIDENCE  QUESTION',
      ` ${id}  Mali           2         2  Who gains?`,
      '',
    ]);
    const ran = await cli('ach', String(id));
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout.split('\n')).toEqual([
      'Mali',
      'Question: Who gains?',
      '',
      'RANK  H   WEIGHTED INCONSISTENCY  INCONSISTENCY  CONSISTENCY  HYPOTHESIS',
      '   1  H2                       0              0            2  The insurgents',
      '   2  H1                       5              3            0  The state',
      '',
      'E   WEIGHT  GRADE  DIAGNOSTIC  H1  H2  EVIDENCE',
      'E1       1  -      yes         I   .   “the Mali war”',
      'E2       2  -      yes         II  C   Roads closed',
      '',
    ]);
  });

  it('answers --json with the analysis and its scores', async () => {
    const id = withAnalysis();
    const list = JSON.parse((await cli('ach', '--json')).stdout) as Array<{ name: string }>;
    expect(list).toMatchObject([{ id, name: 'Mali', hypothesisCount: 2, evidenceCount: 2 }]);
    const analysis = JSON.parse((await cli('ach', String(id), '--json')).stdout) as { scores: Array<{ rank: number; weightedInconsistency: number }> };
    expect(analysis.scores.map((s) => [s.rank, s.weightedInconsistency])).toEqual([[2, 5], [1, 0]]);
  });

  it('says which analysis is missing', async () => {
    withAnalysis();
    expect(await cli('ach', '99')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no analysis with id 99.') });
    expect(await cli('ach', 'x')).toMatchObject({ code: 2 });
  });
});
