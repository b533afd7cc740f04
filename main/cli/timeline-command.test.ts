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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-timeline-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

/** Two passages of the bundled article, one dated and tagged with an actor, one only suggesting its date. */
function withDatedPassages(): { ousted: number; throughout: number; mnla: number } {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  };
  const text = (call('documents.get', { id: 1 }) as unknown as { text: string }).text;
  const passage = (phrase: string) => {
    const start = text.indexOf(phrase);
    return call('highlights.create', { documentId: 1, start, end: start + phrase.length, colour: 'yellow' }).id;
  };
  const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
  const ousted = passage('Indeed in January 2012 the National Movement');
  call('highlights.tag', { highlightId: ousted, actorId: mnla });
  call('timeline.confirm', { highlightId: ousted, date: '2012-01', found: 'January 2012' });
  const throughout = passage('Throughout 2012, Islamist groups controlled the main cities');
  library.close();
  return { ousted, throughout, mnla };
}

describe('timeline on the command line', () => {
  it('prints the confirmed events as the JSON the issue names, and the suggestions with --suggested', async () => {
    expect((await cli('timeline')).stdout).toMatch(/No passage is dated yet/);
    const { ousted, throughout, mnla } = withDatedPassages();
    const confirmed = JSON.parse((await cli('timeline', '--json')).stdout) as unknown;
    expect(confirmed).toEqual([
      { date: '2012-01', precision: 'month', text: 'Indeed in January 2012 the National Movement', highlightId: ousted, documentId: 1, actorIds: [mnla], confirmed: true },
    ]);
    const all = JSON.parse((await cli('timeline', '--json', '--suggested')).stdout) as unknown;
    expect(all).toEqual([
      confirmed,
      [{ date: '2012', precision: 'year', text: 'Throughout 2012, Islamist groups controlled the main cities', highlightId: throughout, documentId: 1, actorIds: [], confirmed: false }],
    ].flat());
  });

  it('prints a table, narrows by grade, and says what is wrong', async () => {
    withDatedPassages();
    const ran = await cli('timeline', '--suggested');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    // The confirmed events first, then what is still to decide.
    expect(ran.stdout.split('\n')).toEqual([
      'DATE     WHEN          HIGHLIGHT  PASSAGE                                                      STATE',
      '2012-01  January 2012          1  Indeed in January 2012 the National Movement                 confirmed',
      '2012     2012                  2  Throughout 2012, Islamist groups controlled the main cities  suggested',
      '',
    ]);
    expect(JSON.parse((await cli('timeline', '--json', '--reliability', 'A')).stdout)).toEqual([]);
    const wrong = await cli('timeline', '--reliability', 'Z');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/A source’s reliability is a letter from A to F/);
    expect((await cli('network', '--suggested')).stderr).toMatch(/unknown option --suggested for network/);
  });

  it('exports the timeline as CSV and Markdown', async () => {
    withDatedPassages();
    const csv = path.join(dir, 'timeline.csv');
    expect((await cli('export', '--format', 'timeline-csv', '--out', csv, '--bom', 'no')).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^Date,Precision,.*\r\n2012-01,month,January 2012,/);
    const md = path.join(dir, 'timeline.md');
    expect((await cli('export', '--format', 'timeline-markdown', '--out', md)).code).toBe(0);
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Timeline\n\n- \*\*January 2012\*\*/);
  });
});
