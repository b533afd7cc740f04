import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../common/changes';
import { Library } from '../core/db/library';
import { packageResourcesDir } from '../core/resources-dir';
import { callOn } from '../testing/temp-library';
import { startHost, type RunningHost } from './server';

let tmp: string;
let host: RunningHost;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-changes-'));
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  host = await startHost({ libraryFile: path.join(tmp, 'library', 'library.sqlite'), resourcesDir: packageResourcesDir(), rendererDir });
});

afterEach(async () => {
  await host.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

/** Opens the stream as the page does, and hands back each change event as it comes. */
async function openStream(): Promise<{ next(): Promise<LibraryChange>; close(): void }> {
  const stopper = new AbortController();
  const response = await fetch(`${base()}/api/events`, { headers: { 'x-fieldbook-secret': host.secret }, signal: stopper.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next() {
      for (;;) {
        const match = /event: change\ndata: (.*)\n\n/.exec(buffered);
        if (match) {
          buffered = buffered.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as LibraryChange;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffered += decoder.decode(value, { stream: true });
      }
    },
    close: () => stopper.abort(),
  };
}

async function call(name: string, input: unknown): Promise<{ ok: boolean; value?: { id: number }; change?: LibraryChange }> {
  const response = await fetch(`${base()}/api/op/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldbook-secret': host.secret },
    body: JSON.stringify(input),
  });
  return (await response.json()) as never;
}

describe('the browser host’s change stream', () => {
  it('is refused without the secret, like every operation', async () => {
    const response = await fetch(`${base()}/api/events`);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/missing the secret/);
  });

  it('tells every open page what a write changed, and the write’s own answer says it too', async () => {
    const [first, second] = [await openStream(), await openStream()];
    const created = await call('notes.create', { title: 'Convoy routes' });
    expect(created.ok).toBe(true);
    expect(created.change?.changed).toEqual({ note: [created.value!.id] });
    await expect(first.next()).resolves.toEqual(created.change);
    await expect(second.next()).resolves.toEqual(created.change);
    first.close();
    second.close();
  });

  it('passes on what another process commits to the library, such as the command line', async () => {
    const stream = await openStream();
    const { library: other } = Library.open(host.libraryFile);
    try {
      const actor = callOn(other, 'actors.create', { name: 'MNLA', kind: 'group' });
      await expect(stream.next()).resolves.toMatchObject({ changed: { actor: [actor.id] } });
    } finally {
      other.close();
      stream.close();
    }
  });

  it('answers a read with no change attached', async () => {
    const listed = await call('documents.list', {});
    expect(listed.ok).toBe(true);
    expect(listed.change).toBeUndefined();
  });
});
