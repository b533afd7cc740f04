import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: Array<{ name: string; input: unknown }> = [];
vi.mock('../api/client', () => ({
  api: {
    call: (name: string, input: unknown) => {
      calls.push({ name, input });
      return Promise.resolve({ ok: true, value: { name, input } });
    },
  },
}));

beforeEach(() => {
  calls.length = 0;
  vi.resetModules();
});

const load = () => import('./early-open');

describe('asking for the opening document before the page is built', () => {
  it('asks for the text, parts and highlights of the document the address opens at, before anything else', async () => {
    const early = await load();
    early.askForOpeningDocument('#/document/12/highlight/5');
    // The highlights last: the text can be shown as soon as it and its parts are in.
    expect(calls).toEqual([
      { name: 'documents.get', input: { id: 12 } },
      { name: 'documents.parts', input: { id: 12 } },
      { name: 'highlights.list', input: { documentId: 12 } },
    ]);
    await expect(early.takeEarlyDocument(12)).resolves.toMatchObject({ ok: true, value: { name: 'documents.get' } });
    await expect(early.takeEarlyParts(12)).resolves.toMatchObject({ ok: true, value: { name: 'documents.parts' } });
    await expect(early.takeEarlyHighlights(12)).resolves.toMatchObject({ ok: true, value: { name: 'highlights.list' } });
  });

  it('hands each answer over once, so a retry or a later open asks the library afresh', async () => {
    const early = await load();
    early.askForOpeningDocument('#/document/3');
    expect(early.takeEarlyDocument(3)).not.toBeNull();
    expect(early.takeEarlyDocument(3)).toBeNull();
    expect(early.takeEarlyParts(3)).not.toBeNull();
    expect(early.takeEarlyParts(3)).toBeNull();
    expect(early.takeEarlyHighlights(3)).not.toBeNull();
    expect(early.takeEarlyHighlights(3)).toBeNull();
  });

  it('asks once per page load, however many scripts ask', async () => {
    const early = await load();
    early.askForOpeningDocument('#/document/3');
    early.askForOpeningDocument('#/document/3');
    expect(calls.map((call) => call.name)).toEqual(['documents.get', 'documents.parts', 'highlights.list']);
    expect(early.takeEarlyDocument(3)).not.toBeNull();
  });

  it('gives nothing for another document', async () => {
    const early = await load();
    early.askForOpeningDocument('#/document/3');
    expect(early.takeEarlyDocument(4)).toBeNull();
    expect(early.takeEarlyParts(4)).toBeNull();
    expect(early.takeEarlyHighlights(4)).toBeNull();
  });

  it('asks for nothing when the app opens at the library, a note or an actor', async () => {
    const early = await load();
    for (const hash of ['', '#/', '#/note/3', '#/actor/4', '#/document/0']) {
      vi.resetModules();
      (await load()).askForOpeningDocument(hash);
    }
    expect(calls).toEqual([]);
    expect(early.takeEarlyDocument(3)).toBeNull();
  });
});
