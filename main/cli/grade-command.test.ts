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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-grade-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

/** A passage of the bundled article (document 1), tagged with two actors, made as the app would. */
function withPassage(): number {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number; text: string };
  };
  const text = call('documents.get', { id: 1 }).text;
  const start = text.indexOf('helped by AQMI');
  const highlight = call('highlights.create', { documentId: 1, start, end: start + 14, colour: 'red' });
  for (const name of ['AQIM', 'MNLA']) call('highlights.tag', { highlightId: highlight.id, actorId: call('actors.create', { name, kind: 'group' }).id });
  library.close();
  return highlight.id;
}

describe('grading on the command line', () => {
  it('grades a document, shows the grade, and clears it', async () => {
    const graded = await cli('grade', '1', '--reliability', 'b', '--credibility', '2');
    expect(graded).toMatchObject({ code: 0, stderr: '' });
    expect(graded.stdout).toMatch(/^Document 1 “.*”: B2 \(Usually reliable, probably true\)\n$/);

    const shown = JSON.parse((await cli('show', '1', '--json')).stdout) as { reliability: string; credibility: number };
    expect([shown.reliability, shown.credibility]).toEqual(['B', 2]);
    expect((await cli('show', '1')).stdout).toContain('Grade:    B2 (Usually reliable, probably true)\n');

    expect(JSON.parse((await cli('grade', '1', '--credibility', 'none', '--json')).stdout)).toEqual({ id: 1, reliability: 'B', credibility: null });
    expect((await cli('grade', '1', '--reliability', 'none')).stdout).toContain(': not graded');
    expect((await cli('show', '1')).stdout).not.toContain('Grade:');
  });

  it('refuses what is not the Admiralty code with the rule, as a usage error', async () => {
    const bad = await cli('grade', '1', '--reliability', 'G');
    expect(bad).toMatchObject({ code: 2, stderr: 'fieldbook: A source’s reliability is a letter from A to F.\n' });
    expect((await cli('grade', '1', '--reliability', 'A', '--credibility', '9')).stderr).toContain('A credibility is a digit from 1 to 6.');
    expect((await cli('grade', '1')).code).toBe(2);
    expect((await cli('grade', '99', '--reliability', 'A')).code).toBe(1);
    expect(JSON.parse((await cli('show', '1', '--json')).stdout)).toMatchObject({ reliability: null, credibility: null });
  });

  it('gives a passage a credibility of its own, and draws the network from the passages so graded', async () => {
    const highlightId = withPassage();
    await cli('grade', '1', '--reliability', 'C', '--credibility', '3');
    expect((await cli('grade', '--highlight', String(highlightId), '--credibility', '5')).stdout).toBe(
      `Highlight ${highlightId}: C5 (Fairly reliable, improbable)\n`,
    );
    const cleared = JSON.parse((await cli('grade', '--highlight', String(highlightId), '--credibility', 'none', '--json')).stdout) as unknown;
    expect(cleared).toEqual({ id: highlightId, credibility: null, grade: { reliability: 'C', credibility: 3, credibilityFromDocument: true } });
    expect((await cli('grade', '1', '--highlight', String(highlightId), '--credibility', '2')).code).toBe(2);

    const links = async (...filter: string[]) => (JSON.parse((await cli('network', '--json', ...filter)).stdout) as { links: unknown[] }).links.length;
    expect(await links('--reliability', 'C')).toBe(1);
    expect(await links('--reliability', 'a,b,none')).toBe(0);
    expect(await links('--credibility', '3')).toBe(1);
    expect((await cli('network', '--reliability', 'Q')).code).toBe(2);
    const matrix = await cli('cooccurrence', '--json', '--reliability', 'Z');
    expect(matrix).toMatchObject({ code: 2, stderr: expect.stringContaining('a letter from A to F') });
    expect((await cli('cooccurrence', '--json', '--credibility', '3')).code).toBe(0);
  });
});
