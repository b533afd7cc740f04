import { describe, expect, it } from 'vitest';
import { takeHostSecret, type PageAddress } from './host-secret';
import { createHttpTransport } from './http-transport';

const SECRET = 'Zx9_-abcdefghijklmnopqrstuvwxyz0123456789AB';

/** A tab: its address, and a sessionStorage that outlives reloads of it. */
function tab(address: string, storage = new Map<string, string>()) {
  const url = new URL(address);
  const page: PageAddress = {
    location: url,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next?: string | URL | null) => {
        const moved = new URL(String(next), url);
        url.hash = moved.hash;
        url.pathname = moved.pathname;
        url.search = moved.search;
      },
    },
    sessionStorage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  };
  return { page, url, storage };
}

describe("the browser host's secret in the page", () => {
  it('is taken from the fragment, dropped from the address and kept for a reload', () => {
    const first = tab(`http://127.0.0.1:4173/#secret=${SECRET}`);
    expect(takeHostSecret(first.page)).toBe(SECRET);
    expect(first.url.href).toBe('http://127.0.0.1:4173/');
    const reloaded = tab(first.url.href, first.storage);
    expect(takeHostSecret(reloaded.page)).toBe(SECRET);
  });

  it('is replaced by a newer one (a restarted host) and absent from a bare address', () => {
    const storage = new Map([['fieldbook.host-secret', 'old']]);
    expect(takeHostSecret(tab(`http://127.0.0.1:4173/#secret=${SECRET}`, storage).page)).toBe(SECRET);
    expect(takeHostSecret(tab('http://127.0.0.1:4173/#/document/1').page)).toBeNull();
  });

  it('leaves a route in the fragment alone', () => {
    const { page, url } = tab('http://127.0.0.1:4173/#/note/3');
    takeHostSecret(page);
    expect(url.hash).toBe('#/note/3');
  });

  it('travels as a header on every operation, never as a cookie', async () => {
    const sent: RequestInit[] = [];
    const transport = createHttpTransport(SECRET, async (_url, init) => {
      sent.push(init ?? {});
      return new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'content-type': 'application/json' } });
    });
    await transport.call('documents.list', {});
    await transport.call('notes.list', {});
    expect(sent.map((init) => (init.headers as Record<string, string>)['x-fieldbook-secret'])).toEqual([SECRET, SECRET]);
    expect(sent.every((init) => init.credentials !== 'include')).toBe(true);
  });
});
