import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThemePage } from '../common/records';
import { dispatch } from '../ops';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { runCliCaptured } from './run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-themes-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

/** A small codebook with one coded passage, made as the app would make it. */
function withCodebook(): { violence: number; financing: number } {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  };
  const text = (call('documents.get', { id: 1 }) as unknown as { text: string }).text;
  const violence = call('themes.create', { name: 'Violence' });
  const financing = call('themes.create', { name: 'Financing', parentId: violence.id });
  call('themes.create', { name: 'Recruitment' });
  const start = text.indexOf('helped by AQMI');
  const h = call('highlights.create', { documentId: 1, start, end: start + 14, colour: 'red' });
  call('highlights.tagTheme', { highlightId: h.id, themeId: financing.id });
  library.close();
  return { violence: violence.id, financing: financing.id };
}

describe('themes on the command line', () => {
  it('prints the codebook as a tree, and as JSON of ids, names and children', async () => {
    expect((await cli('themes')).stdout).toBe('No themes yet.\n');
    const { violence, financing } = withCodebook();
    const json = JSON.parse((await cli('themes', '--json')).stdout) as unknown;
    expect(json).toEqual([
      { id: expect.any(Number), name: 'Recruitment', children: [] },
      { id: violence, name: 'Violence', children: [{ id: financing, name: 'Financing', children: [] }] },
    ]);
    const text = (await cli('themes')).stdout;
    expect(text).toContain(`Violence (#${violence}, 0 passages)\n  Financing (#${financing}, 1 passage)`);
  });

  it('prints a theme’s passages, and refuses an unknown theme', async () => {
    const { financing } = withCodebook();
    const page = JSON.parse((await cli('theme', String(financing), '--json')).stdout) as ThemePage;
    expect(page.passages.map((p) => p.highlight.exact)).toEqual(['helped by AQMI']);
    const ran = await cli('theme', String(financing));
    expect(ran.stdout).toContain('Violence › Financing');
    expect(ran.stdout).toContain('“helped by AQMI” — Al-Quaeda and state sanctuary');
    const missing = await cli('theme', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no theme with id 999.');
  });
});
