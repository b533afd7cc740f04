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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-cooc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

/** A codebook two deep and an actor, on two passages of the bundled article, made as the app would make them. */
function withCodedPassages(): { violence: number; financing: number; aqmi: number } {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  };
  const text = (call('documents.get', { id: 1 }) as unknown as { text: string }).text;
  const violence = call('themes.create', { name: 'Violence' }).id;
  const financing = call('themes.create', { name: 'Financing', parentId: violence }).id;
  call('themes.create', { name: 'Recruitment' });
  const aqmi = call('actors.create', { name: 'AQMI', kind: 'group' }).id;
  const coded = (phrase: string, themeIds: number[]) => {
    const start = text.indexOf(phrase);
    const h = call('highlights.create', { documentId: 1, start, end: start + phrase.length, colour: 'red' });
    for (const themeId of themeIds) call('highlights.tagTheme', { highlightId: h.id, themeId });
    call('highlights.tag', { highlightId: h.id, actorId: aqmi });
  };
  coded('helped by AQMI', [financing, violence]);
  coded('the Mali war', [violence]);
  library.close();
  return { violence, financing, aqmi };
}

describe('cooccurrence on the command line', () => {
  it('prints the codebook against itself as an indented table, zeros as dots', async () => {
    expect((await cli('cooccurrence')).stdout).toBe('No themes yet.\n');
    withCodedPassages();
    const ran = await cli('cooccurrence');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout.split('\n')).toEqual([
      'THEME        PASSAGES  Recruitment  Violence  Financing',
      'Recruitment         0            ·         ·          ·',
      'Violence            2            ·         2          1',
      '  Financing         1            ·         1          1',
      '',
    ]);
  });

  it('sets themes against actors, narrowed to a document, and as JSON', async () => {
    const { violence, financing, aqmi } = withCodedPassages();
    const json = JSON.parse((await cli('cooccurrence', '--against', 'actors', '--document', '1', '--json')).stdout) as unknown;
    expect(json).toEqual({
      against: 'actors',
      columns: [{ kind: 'actor', id: aqmi, name: 'AQMI', passageCount: 2 }],
      rows: [
        { id: expect.any(Number), name: 'Recruitment', path: ['Recruitment'], depth: 0, passageCount: 0, counts: [0] },
        { id: violence, name: 'Violence', path: ['Violence'], depth: 0, passageCount: 2, counts: [2] },
        { id: financing, name: 'Financing', path: ['Violence', 'Financing'], depth: 1, passageCount: 1, counts: [1] },
      ],
    });
  });

  it('refuses what the operation refuses, with its message', async () => {
    withCodedPassages();
    const wrong = await cli('cooccurrence', '--against', 'notes');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Themes are set against themes or actors.');
    const missing = await cli('cooccurrence', '--document', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('999');
  });

  it('exports the matrix as CSV, for the library or one document', async () => {
    withCodedPassages();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const themes = await cli('export', '--format', 'cooccurrence', '--out', out, '--bom', 'no');
    expect(themes).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(out, 'Theme co-occurrence.csv'), 'utf8')).toBe(
      'Theme,Recruitment,Violence,Violence / Financing\r\nRecruitment,0,0,0\r\nViolence,0,2,1\r\nViolence / Financing,0,1,1\r\n',
    );
    const actors = await cli('export', '--format', 'cooccurrence-actors', '--document', '1', '--out', path.join(out, 'actors.csv'));
    expect(actors).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(out, 'actors.csv'), 'utf8')).toBe('\uFEFFTheme,AQMI\r\nRecruitment,0\r\nViolence,2\r\nViolence / Financing,1\r\n');
    expect((await cli('export', '--format', 'cooccurrence', '--note', '1', '--out', out)).stderr).toContain('cannot export a note');
  });
});
