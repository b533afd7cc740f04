import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostilePdf } from '../testing/hostile-pdf';

const here = path.dirname(fileURLToPath(import.meta.url));
const launcher = path.join(here, 'fieldbook.mjs');
const guard = path.join(here, 'deny-network.fixture.mjs');
const hostile = path.join(here, '..', 'core', 'import', 'hostile-documents');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-offline-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function offline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', guard, launcher, '--library', dir, ...args], {
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the core and the command line, with every network call refused', () => {
  it('the guard itself stops a process that reaches for the network', async () => {
    const { code, stderr } = await promisify(execFile)(process.execPath, ['--import', guard, '-e', 'fetch("http://127.0.0.1:9/")']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(code).toBe(99);
    expect(stderr).toContain('NETWORK USE: fetch');
  });

  it('creates a library, imports pages full of remote references, lists, shows and searches', async () => {
    const pages = ['remote-media.html', 'css.html', 'base-tag.html', 'script.html'].map((name) => path.join(hostile, name));
    const steps = [
      await offline('import', ...pages),
      await offline('list', '--json'),
      await offline('show', '1'),
      await offline('search', 'sanctuary', '--json'),
      await offline('actors', '--json'),
    ];
    for (const step of steps) {
      expect(step.stderr).not.toContain('NETWORK USE');
      expect(step.code).toBe(0);
    }
    expect(JSON.parse(steps[1]!.stdout)).toHaveLength(5);
  }, 60_000);

  it('imports PDFs (pdf.js in its own thread, a hostile one among them) and shows a page', async () => {
    const hostilePath = path.join(dir, 'hostile.pdf');
    fs.writeFileSync(hostilePath, hostilePdf());
    const tracemonkey = path.resolve(here, '../../../shared/testdata/documents/tracemonkey.pdf');
    const steps = [await offline('import', tracemonkey, hostilePath), await offline('show', '--page', '2', '--json', String(await lastId()))];
    for (const step of steps) {
      expect(step.stderr).not.toContain('NETWORK USE');
      expect(step.code).toBe(0);
    }
    expect(steps[0]!.stdout).toContain('(PDF, 14 pages)');
  }, 120_000);
});

async function lastId(): Promise<number> {
  const { stdout } = await offline('list', '--json');
  return Math.max(...(JSON.parse(stdout) as Array<{ id: number; fileName: string | null }>).filter((d) => d.fileName === 'tracemonkey.pdf').map((d) => d.id));
}
