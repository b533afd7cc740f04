import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { LARGE_PAGE_BYTES } from './extract-large-article';
import { prepareDocument } from './import-document';

/*
 * A book-length saved page is written into the library as it is read (import-large-page.ts), not
 * prepared whole and then inserted: what lands must be what the whole path would have made, and
 * what it finds only at the end (a duplicate, no text at all) must leave nothing behind.
 */
let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-large-page-');
});
afterEach(() => t.cleanup());

function bookPage(paragraphs: number, chrome = ''): string {
  const body = Array.from({ length: paragraphs }, (_, i) =>
    i % 40 === 0
      ? `<h2>Part ${i / 40 + 1}</h2>`
      : `<p>Paragraph ${i} of the inquiry: the convoy left <em>Gao</em> at dawn 🚙, كانت القافلة في الطريق, and reached Ménaka by <a href="#note-${i}">night</a>.</p>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>The long inquiry | Sahel Review</title><meta name="author" content="Claire Dubois"></head>
<body><nav><a href="/">Home</a></nav>${chrome}<main><article><h1>The long inquiry</h1>${body.join('\n')}
<ol><li id="note-1">A note.</li></ol></article></main><footer>Comments are closed.</footer></body></html>`;
}

const upload = (name: string, html: string) => ({ files: [{ name, base64: Buffer.from(html).toString('base64') }] });
const count = (table: string) => (t.library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const TABLES = ['documents', 'document_text', 'document_html', 'document_passages', 'change_log'];
const counts = () => Object.fromEntries(TABLES.map((table) => [table, count(table)]));

describe('importing a book-length saved page as it is read', () => {
  const html = bookPage(12_000);

  it('stores what preparing the page whole makes, in pieces, found at its own places', () => {
    expect(Buffer.byteLength(html)).toBeGreaterThan(LARGE_PAGE_BYTES);
    const [outcome] = t.call('documents.import', upload('long-inquiry.html', html));
    if (outcome!.status !== 'imported') throw new Error(outcome!.message);
    const whole = prepareDocument('long-inquiry.html', Buffer.from(html));
    const stored = t.call('documents.get', { id: outcome!.document.id });
    expect(stored).toMatchObject({ title: 'The long inquiry', authors: ['Claire Dubois'], wordCount: whole.wordCount });
    expect(stored.text).toBe(whole.text);
    expect(stored.html).toBe(whole.html);
    const contentHash = t.library.db.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck().get(outcome!.document.id);
    expect(contentHash).toBe(whole.contentHash);
    expect(count('document_text')).toBeGreaterThan(10);

    const deep = stored.text.indexOf('Paragraph 11998 ');
    const [found] = t.call('search.query', { query: '"Paragraph 11998"' }).documents;
    expect(found).toMatchObject({ id: outcome!.document.id, match: { start: deep, end: deep + 'Paragraph'.length } });
    expect(() => t.library.db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  }, 120_000);

  it('undoes the whole write when the page turns out to be in the library already', () => {
    const [first] = t.call('documents.import', upload('long-inquiry.html', html));
    const before = counts();
    const [again] = t.call('documents.import', upload('long-inquiry-copy.html', html));
    expect(again).toMatchObject({ status: 'duplicate', document: { id: first!.status === 'imported' ? first!.document.id : -1 } });
    expect(again!.status === 'duplicate' && again!.message).toBe('long-inquiry-copy.html is already in the library as “The long inquiry”.');
    expect(counts()).toEqual(before);
  }, 120_000);

  it('refuses a large page with no readable text, and writes nothing', () => {
    const before = counts();
    const chrome = `<nav>${'<a href="/">Home</a> '.repeat(120_000)}</nav>`;
    const empty = `<!doctype html><html><head><title>Nothing</title></head><body>${chrome}<article></article></body></html>`;
    expect(Buffer.byteLength(empty)).toBeGreaterThan(LARGE_PAGE_BYTES);
    const [outcome] = t.call('documents.import', upload('nothing.html', empty));
    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringContaining('no readable text') });
    expect(counts()).toEqual(before);
  }, 120_000);
});
