import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../db/library';
import { getDocument, listDocuments } from '../documents/document-repo';
import { packageResourcesDir } from '../resources-dir';
import { MAX_IMPORT_BYTES } from '../../common/import-limits';
import { importFile } from './import-document';

const articleBytes = fs.readFileSync(path.join(packageResourcesDir(), 'aqim-state-sanctuary.html'));
let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-'));
  library = Library.open(path.join(dir, 'library.sqlite')).library;
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importing the bundled blog page', () => {
  it('keeps the title, the nine body paragraphs, both footnotes and the author note', () => {
    const outcome = importFile(library, 'aqim-state-sanctuary.html', articleBytes);
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const doc = getDocument(library, outcome.document.id);
    expect(doc.title).toBe('Al-Quaeda and state sanctuary in the Islamic Maghreb');
    const paragraphs = doc.text.split(/\n\n+/);
    expect(paragraphs[0]).toMatch(/^Al-Qaeda in the Islamic Maghreb \(AQIM\) is developing/);
    expect(paragraphs.filter((p) => !p.startsWith('['))).toHaveLength(10); // nine body paragraphs + the author note
    expect(doc.text).toContain('Firstly an Al-Qaeda sanctuary has to offer protection');
    expect(doc.text).toContain('[1] From French: Mouvement National de Libération de l’Azawad (MNLA)');
    expect(doc.text).toContain('[2] The Movement for Unity and Jihad in West Africa (MUJWA)');
    expect(doc.text).toContain('Laurent de Castelli is graduated in Defence');
  });

  it('drops the page chrome, the spam comment, the reply form and every script', () => {
    const outcome = importFile(library, 'aqim-state-sanctuary.html', articleBytes);
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const doc = getDocument(library, outcome.document.id);
    for (const gone of ['Skip to content', 'Hello there', 'techincal', 'Leave a Reply', 'Post Comment', 'dataLayer', 'Home']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.html).not.toMatch(/<(script|form|textarea|input|nav|style)\b/i);
  });

  it('says the article is already there instead of importing it twice', () => {
    importFile(library, 'aqim-state-sanctuary.html', articleBytes);
    const again = importFile(library, 'copy of the article.html', articleBytes);
    expect(again.status).toBe('duplicate');
    expect(again.status === 'duplicate' && again.message).toMatch(/already in the library as “Al-Quaeda/);
    expect(listDocuments(library)).toHaveLength(1);
  });
});

describe('importing other blog pages', () => {
  const page = (body: string, title = 'Sahel Security Review | Convoys on the northern road') =>
    utf8(`<!doctype html><html><head><title>${title}</title></head><body><main><article><h1>Convoys on the northern road</h1>${body}</article></main></body></html>`);
  const prose = '<p>The convoy left Gao at dawn and reached the river crossing before the checkpoint opened, as the drivers had planned for weeks.</p>'.repeat(6);

  it('takes the article’s heading as its title when the page title adds the site name', () => {
    const outcome = importFile(library, 'convoys.html', page(prose));
    expect(outcome.status === 'imported' && outcome.document.title).toBe('Convoys on the northern road');
  });

  it('does not take the site’s name for the title when the first heading is the site’s name', () => {
    const site = utf8(
      `<!doctype html><html><head><title>Convoys on the northern road · Sahel Review</title></head><body><header><h1>Sahel Review</h1></header><main><article>${prose}</article></main></body></html>`,
    );
    const outcome = importFile(library, 'site-heading.html', site);
    // Readability's own title, as in its test page v8-blog ("standalone WebAssembly binaries using Emscripten · V8").
    expect(outcome.status === 'imported' && outcome.document.title).toBe('Convoys on the northern road · Sahel Review');
  });

  it('takes the title the page’s metadata gives', () => {
    const meta = utf8(
      `<!doctype html><html><head><title>Sahel Review</title><meta property="og:title" content="Convoys on the northern road"></head><body><header><h1>Sahel Review</h1></header><main><article>${prose}</article></main></body></html>`,
    );
    const outcome = importFile(library, 'og-title.html', meta);
    expect(outcome.status === 'imported' && outcome.document.title).toBe('Convoys on the northern road');
  });
});

describe('importing Markdown and plain text', () => {
  it('takes a Markdown document’s first heading as its title', () => {
    const outcome = importFile(library, 'field-notes.md', utf8('# Field notes from Gao\n\nThe **MNLA** withdrew.\n\n- one\n- two\n'));
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const doc = getDocument(library, outcome.document.id);
    expect(doc.title).toBe('Field notes from Gao');
    expect(doc.html).toContain('<strong>MNLA</strong>');
    expect(doc.text).toBe('The MNLA withdrew.\n\none\ntwo');
  });

  it('strips raw HTML scripts that Markdown lets through', () => {
    const outcome = importFile(library, 'x.md', utf8('Hi <script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">link</a>'));
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const { html } = getDocument(library, outcome.document.id);
    expect(html).not.toMatch(/script|onerror|javascript:/i);
  });

  it('names a plain-text file after its first short line', () => {
    const outcome = importFile(library, 'memo.txt', utf8('Memo on Timbuktu\n\nFirst paragraph.\n\nSecond paragraph.'));
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.document.title).toBe('Memo on Timbuktu');
    expect(getDocument(library, outcome.document.id).text).toBe('First paragraph.\n\nSecond paragraph.');
  });
});

describe('counting words', () => {
  it('counts runs of characters between whitespace of any kind, as /\\S+/ finds them', () => {
    const spaces = ['\t', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2003', '\u200a', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff'];
    // Characters beside the spaces that are not spaces: a zero-width space, a soft hyphen, an em dash.
    const text = `Gao${spaces.join('Kidal')}Mopti \u200bTimbuktu\u00ad — end`;
    const outcome = importFile(library, 'spaces.txt', utf8(text));
    expect(outcome.status === 'imported' && outcome.document.wordCount).toBe(getDocument(library, 1).text.match(/\S+/g)!.length);
    expect(outcome.status === 'imported' && outcome.document.wordCount).toBe(spaces.length + 4);
  });
});

describe('refusing files that are not documents', () => {
  const cases: Array<[string, string, Uint8Array, RegExp]> = [
    ['an empty file', 'empty.txt', new Uint8Array(), /empty\.txt was not imported: the file is empty/],
    ['a binary file', 'photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]), /photo\.txt was not imported: it is a binary file/],
    ['invalid UTF-8', 'latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /latin1\.txt was not imported: it is not valid UTF-8/],
    ['an unsupported type', 'report.docx', utf8('PK hello'), /report\.docx was not imported: \.docx files are not supported/],
    ['a damaged PDF', 'report.pdf', utf8('%PDF-1.7 hello'), /report\.pdf was not imported: it is damaged or not a PDF/],
    ['a file named .pdf that is not one', 'notes.pdf', utf8('hello'), /notes\.pdf was not imported: it is not a PDF/],
    ['a file over the limit', 'huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), /huge\.txt was not imported: .*the file is 20\.1 MB, over the 20 MB limit/],
    ['whitespace only', 'blank.md', utf8('   \n\n  '), /blank\.md was not imported: the file has no text/],
  ];
  it.each(cases)('refuses %s, naming it, and changes nothing', (_label, name, bytes, message) => {
    const outcome = importFile(library, name, bytes);
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.message).toMatch(message);
    expect(listDocuments(library)).toEqual([]);
  });
});
