import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/run-cli-captured';
import { takeLibraryAlone } from '../core/db/library-lock';

const HOST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host-process.fixture.ts');

let dir: string;
let libraryFile: string;
let running: ChildProcess | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-restore-hosted-'));
  libraryFile = path.join(dir, 'library.sqlite');
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Fieldbook</title>');
});

afterEach(async () => {
  if (running && running.exitCode === null && running.signalCode === null) await stop(running, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The browser host in a process of its own, as `npm run web` runs it. */
async function startHostProcess(): Promise<{ child: ChildProcess; call(name: string, input: unknown): Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOST, libraryFile, path.join(dir, 'renderer')], { stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  const url = await new Promise<URL>((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve(new URL(ready[1]!));
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the host exited (${code}): ${output}`)));
  });
  const secret = url.hash.replace('#secret=', '');
  return {
    child,
    async call(name, input) {
      const response = await fetch(new URL(`/api/op/${name}`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fieldbook-secret': secret },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
  };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

function noteTitles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM notes ORDER BY title').all() as Array<{ title: string }>).map((row) => row.title);
  } finally {
    db.close();
  }
}

describe('restoring a backup while the library is open elsewhere', () => {
  it('is refused while the browser host runs, so its later writes land in the library', async () => {
    const host = await startHostProcess();
    await host.call('notes.create', { title: 'Before the backup' });
    const backup = (await cli('backup')).stdout.replace('backed up to ', '').trim();
    await host.call('notes.create', { title: 'After the backup' });

    const refused = await cli('restore-backup', backup);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`fieldbook: The library is open in the browser host (pid ${host.child.pid}); close it first. Nothing was changed.\n`);

    // The host goes on writing to the one library there is.
    await host.call('notes.create', { title: 'Acknowledged after the attempt' });
    await stop(host.child, 'SIGTERM');
    expect(noteTitles(libraryFile)).toEqual(['Acknowledged after the attempt', 'After the backup', 'Before the backup']);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('library-before-restore'))).toEqual([]);

    const restored = await cli('restore-backup', backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(noteTitles(libraryFile)).toEqual(['Before the backup']);
  });

  it('goes ahead once the host has crashed: a dead process holds nothing', async () => {
    const host = await startHostProcess();
    await host.call('notes.create', { title: 'Saved' });
    const backup = (await cli('backup')).stdout.replace('backed up to ', '').trim();
    await stop(host.child, 'SIGKILL');

    const restored = await cli('restore-backup', backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^restored fieldbook-.*; the library as it was is kept at /);
    expect(fs.existsSync(`${libraryFile}.in-use`), 'the crashed host’s claim is cleared').toBe(false);
  });

  it('keeps the host from starting while a restore is under way', async () => {
    const restoring = takeLibraryAlone(libraryFile, 'command');
    try {
      await expect(startHostProcess()).rejects.toThrow(
        `A backup is being restored into the library by another fieldbook command (pid ${process.pid}); open it again when that is done.`,
      );
    } finally {
      restoring.release();
    }
  });
});
