import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryChange } from '../common/changes';
import type { OpResult } from '../common/contract';
import type { OpProgress } from '../common/progress';
import type { DocumentSummary, ImportOutcome, SearchResults } from '../common/records';
import { takeLibraryAlone } from '../core/db/library-lock';
import { FieldbookError } from '../core/errors';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { callOn } from '../testing/temp-library';
import { seededRandom } from '../testing/seeded-random';
import type { CoreService } from './core-service';
import { HALF_WRITTEN_TABLE } from './crash-on-import.fixture';
import { startWorkerCore, type WorkerCore, type WorkerCoreOptions } from './worker-core';

let dir: string;
let libraryFile: string;
let core: CoreService | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-worker-core-'));
  libraryFile = path.join(dir, 'library.sqlite');
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(options: Partial<WorkerCoreOptions> = {}): Promise<WorkerCore> {
  const started = await startWorkerCore({ libraryFile, resourcesDir: packageResourcesDir(), user: 'browser-host', ...options });
  core = started;
  return started;
}

function value<T>(result: OpResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const WORDS = ['caravan', 'border', 'Timbuktu', 'smuggling', 'convoy', 'ministry', 'desert', 'ransom', 'militia', 'market', 'salt', 'route'];

/** A saved page of `paragraphs` paragraphs of seeded prose, with `marker` in its first one. */
function page(seed: number, paragraphs: number, marker = ''): { name: string; base64: string } {
  const random = seededRandom(seed);
  const body: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words = Array.from({ length: 80 }, () => random.pick(WORDS));
    body.push(`<p>${p === 0 ? `${marker} ` : ''}${words.join(' ')} ${seed}-${p}.</p>`);
  }
  const html = `<!doctype html><html><head><title>Report ${seed}</title></head><body><article><h1>Report ${seed}</h1>${body.join('')}</article></body></html>`;
  return { name: `report-${seed}.html`, base64: Buffer.from(html).toString('base64') };
}

describe('the core in worker threads', () => {
  it('answers operations through the one table, with its clear errors for bad input', async () => {
    const service = await start();
    const documents = value<DocumentSummary[]>(await service.call('documents.list', {}));
    expect(documents.map((d) => d.title)).toEqual(['Al-Quaeda and state sanctuary in the Islamic Maghreb']);

    const [outcome] = value<ImportOutcome[]>(await service.call('documents.import', { files: [page(1, 3, 'Gao')] }));
    expect(outcome).toMatchObject({ status: 'imported', document: { title: 'Report 1' } });
    const found = value<SearchResults>(await service.call('search.query', { query: 'Gao' }));
    expect(found.documents).toHaveLength(1);

    expect(await service.call('documents.get', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await service.call('documents.list', { nested: JSON.parse('['.repeat(300) + ']'.repeat(300)) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('nested more than') },
    });
    expect(await service.call('documents.destroyAll', {})).toMatchObject({ ok: false, error: { code: 'unknown_op' } });
    expect(await service.call('documents.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers a list and a search while a long import is still running', async () => {
    const service = await start();
    // Until the reader has loaded, an idle writer answers reads itself.
    await service.readerReady;
    const files = Array.from({ length: 30 }, (_, i) => page(100 + i, 400, i === 0 ? 'Kidal' : ''));
    const firstIn = new Promise<void>((resolve) => {
      void service
        .call('documents.import', { files }, { onProgress: () => resolve() })
        .then((result) => (importAnswer = result));
    });
    let importAnswer: OpResult<unknown> | undefined;
    await firstIn;

    const listed = value<DocumentSummary[]>(await service.call('documents.list', {}));
    const found = value<SearchResults>(await service.call('search.query', { query: 'Kidal' }));
    // Both answered from what the import had committed so far, before it finished.
    expect(importAnswer).toBeUndefined();
    expect(listed.map((d) => d.title)).toContain('Report 100');
    expect(listed.length).toBeLessThan(31);
    expect(found.documents).toHaveLength(1);
    await vi.waitFor(() => expect(importAnswer).toBeDefined(), { timeout: 60_000, interval: 50 });
  }, 90_000);

  it('reports an import file by file, and a cancel keeps the files already in and says so of the rest', async () => {
    const service = await start();
    const files = Array.from({ length: 12 }, (_, i) => page(200 + i, 150));
    const stop = new AbortController();
    const heard: OpProgress[] = [];
    const result = await service.call(
      'documents.import',
      { files },
      {
        signal: stop.signal,
        onProgress: (progress) => {
          heard.push(progress);
          if (progress.done === 2) stop.abort();
        },
      },
    );
    const outcomes = value<ImportOutcome[]>(result);
    expect(heard[0]).toEqual({ done: 1, total: 12, message: 'Imported 1 of 12 files' });
    const imported = outcomes.filter((o) => o.status === 'imported');
    const cancelled = outcomes.filter((o) => o.status === 'cancelled');
    expect(imported.length).toBeGreaterThanOrEqual(2);
    expect(imported.length).toBeLessThan(12);
    expect(cancelled[0]).toMatchObject({ message: expect.stringMatching(/^report-\d+\.html was not imported: the import was cancelled\.$/) });
    expect(imported.length + cancelled.length).toBe(12);
    const listed = value<DocumentSummary[]>(await service.call('documents.list', {}));
    expect(listed).toHaveLength(1 + imported.length);
  });

  it('tells its listeners what each write changed, and what another process wrote', async () => {
    const service = await start();
    const heard: LibraryChange[] = [];
    service.onChange((change) => heard.push(change));

    const created = await service.call('notes.create', { title: 'From this window' });
    const note = value<{ id: number }>(created);
    expect(created).toMatchObject({ change: { changed: { note: [note.id] } } });
    expect(heard.at(-1)?.changed).toEqual({ note: [note.id] });

    const commandLine = openLibrary(libraryFile, { resourcesDir: packageResourcesDir() });
    try {
      const theirs = callOn(commandLine, 'actors.create', { name: 'AQIM', kind: 'group' });
      await vi.waitFor(() => expect(heard.at(-1)?.changed).toEqual({ actor: [theirs.id] }), { timeout: 5_000, interval: 25 });
    } finally {
      commandLine.close();
    }
  });

  it('answers the calls a crashed worker held with an error, leaves nothing of its open write, and works again after', async () => {
    const service = await start({ workerEntry: path.join(import.meta.dirname, 'crash-on-import.fixture.ts') });
    const [crashed, queued] = await Promise.all([
      service.call('documents.import', { files: [page(300, 3)] }),
      service.call('notes.create', { title: 'Waiting behind the import' }),
    ]);
    expect(crashed).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('The library stopped unexpectedly while answering documents.import') },
    });
    expect(queued).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('while answering notes.create') } });
    // The dead thread's write lock went with it (a write now succeeds) and so did its uncommitted write.
    const created = value<{ title: string }>(await service.call('notes.create', { title: 'After the crash' }));
    expect(created.title).toBe('After the crash');
    expect(value<DocumentSummary[]>(await service.call('documents.list', {}))).toHaveLength(1);
    const look = new Database(libraryFile, { readonly: true });
    try {
      expect(look.prepare('SELECT name FROM sqlite_master WHERE name = ?').all(HALF_WRITTEN_TABLE)).toEqual([]);
    } finally {
      look.close();
    }
    // Two writers start, one after the other, on a machine that may be busy.
  }, 90_000);

  it('refuses to start on a file that is not a library, as opening it in-process did, and keeps no claim on it', async () => {
    fs.writeFileSync(libraryFile, 'not a database at all, just some words in a file of their own'.repeat(100));
    const failure = await startWorkerCore({ libraryFile, resourcesDir: packageResourcesDir(), user: 'browser-host' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FieldbookError);
    expect(failure).toMatchObject({ code: 'library_unavailable', message: expect.stringContaining('could not be opened') });
    takeLibraryAlone(libraryFile, 'command').release();
  });

  it('close() closes the library and releases its claim, and later calls say so', async () => {
    const service = await start();
    expect(() => takeLibraryAlone(libraryFile, 'command')).toThrow(/open in the browser host/);
    await service.close();
    takeLibraryAlone(libraryFile, 'command').release();
    // The last connection to close checkpoints the write-ahead log away.
    expect(fs.existsSync(`${libraryFile}-wal`)).toBe(false);
    expect(await service.call('documents.list', {})).toMatchObject({ ok: false, error: { code: 'library_unavailable' } });
  });
});
