import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TAGS } from '../../common/document-policy';
import { wordsOf } from '../../common/fold-text';
import { Library } from '../db/library';
import { getDocument } from '../documents/document-repo';
import { parseBodyFragment, serialiseChildren } from './html-tree';
import { importFile, prepareDocument } from './import-document';
import { sanitiseTree } from './sanitise-html';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-documents');
const HOSTILE = fs.readdirSync(FOLDER).filter((name) => /\.(html|md)$/.test(name));
const SAFE_TAGS = new Set(DOCUMENT_TAGS);

let dir: string;
let library: Library;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-hostile-'));
  library = Library.open(path.join(dir, 'library.sqlite')).library;
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything in the stored HTML that a browser could run or fetch. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const root = new JSDOM(`<body>${html}</body>`).window.document.body;
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!SAFE_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'action' || name === 'formaction') found.push(`${tag}[${name}]`);
      if (name === 'href' && !/^(https?:|mailto:|#)/i.test(value)) found.push(`${tag}[href=${value}]`);
      if (name === 'src' && !/^data:image\//i.test(value)) found.push(`${tag}[src=${value}]`);
      // A web link loads nothing until a person follows it (and the app asks first), nor does a
      // tooltip naming an image that was not loaded; anything else must not point at the canary.
      const inert = (name === 'href' && /^https?:/i.test(value)) || (name === 'title' && /^Image not loaded \(/.test(value));
      if (value.includes('/canary/') && !inert) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

/** The words of a page's paragraphs as a browser's HTML parser reads them (pictures and formulas aside). */
function proseWordsAsParsed(html: Buffer): string[] {
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const paragraphs = Array.from(document.querySelectorAll('p')).filter((p) => !p.closest('svg, math'));
  return paragraphs.flatMap((p) => wordsOf(p.textContent ?? ''));
}

/** Words of `expected` that `text` lacks, counting repeats. */
function missingWords(expected: string[], text: string): string[] {
  const have = new Map<string, number>();
  for (const word of wordsOf(text)) have.set(word, (have.get(word) ?? 0) + 1);
  return expected.filter((word) => {
    const left = have.get(word) ?? 0;
    have.set(word, left - 1);
    return left <= 0;
  });
}

describe('importing hostile documents', () => {
  it('has a corpus of hostile files to try', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(14);
  });

  it.each(HOSTILE)('%s keeps its text and nothing that could run or load', (name) => {
    const outcome = importFile(library, name, fs.readFileSync(path.join(FOLDER, name)));
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const doc = getDocument(library, outcome.document.id);
    expect(dangers(doc.html)).toEqual([]);
    expect(doc.text).toMatch(/which must import as text alone/);
  });

  it.each(HOSTILE.filter((name) => name.endsWith('.html')))('%s keeps every word of prose a browser reads in it', (name) => {
    const source = fs.readFileSync(path.join(FOLDER, name));
    const doc = getDocument(library, (library.db.prepare('SELECT id FROM documents WHERE file_name = ?').get(name) as { id: number }).id);
    const prose = proseWordsAsParsed(source);
    expect(prose.length).toBeGreaterThan(50);
    expect(missingWords(prose, doc.text)).toEqual([]);
  });

  // A page above the size at which it is streamed (extract-large-article.ts) is sanitised by the same allow-list.
  it.each(HOSTILE.filter((name) => name.endsWith('.html')))('%s, read as a book-length page is, keeps its text and nothing that could run or load', (name) => {
    const source = fs.readFileSync(path.join(FOLDER, name));
    const { html, text } = prepareDocument(name, source, { largePageBytes: 0 });
    expect(dangers(html)).toEqual([]);
    expect(text).toMatch(/which must import as text alone/);
    expect(missingWords(proseWordsAsParsed(source), text)).toEqual([]);
  });

  it('shows a remote image as its description in text and its address in a tooltip, and keeps a data: image', () => {
    const doc = getDocument(library, (library.db.prepare("SELECT id FROM documents WHERE file_name = 'remote-media.html'").get() as { id: number }).id);
    expect(doc.text).toContain('[Image: a map of Mali]');
    expect(doc.text).not.toContain('canary');
    expect(doc.html).toContain('<span title="Image not loaded (http://127.0.0.1:9/canary/remote.png): Fieldbook never fetches from the network">[Image: a map of Mali]</span>');
    expect(doc.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="a pixel">/);
  });

  it('leaves its own output as it is, so an archive of it restores unchanged', () => {
    const once = sanitised('<p id="n1">See <a href="#fn1">note 1</a> and <a href="#user-content-fn2">note 2</a>.</p><p id="fn1">One.</p>');
    expect(once).toContain('href="#user-content-fn1"');
    expect(once).toContain('id="user-content-fn1"');
    expect(sanitised(once)).toBe(once);
  });
});

function sanitised(html: string): string {
  const tree = parseBodyFragment(html);
  sanitiseTree(tree);
  return serialiseChildren(tree);
}
