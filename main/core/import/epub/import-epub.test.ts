import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../../../common/document-outline';
import type { ImportOutcome } from '../../../common/records';
import { tempLibrary, type TempLibrary } from '../../../testing/temp-library';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');
const book = (name: string) => {
  const file = path.join(DOCUMENTS, name);
  expect(fs.existsSync(file), `${file} is missing: shared/testdata must sit beside the project`).toBe(true);
  return fs.readFileSync(file);
};

let temp: TempLibrary;
beforeEach(() => {
  temp = tempLibrary('fieldbook-epub-');
});
afterEach(() => temp.cleanup());

function importBook(name: string, bytes: Uint8Array = book(name)): ImportOutcome {
  const [outcome] = temp.call('documents.import', { files: [{ name, base64: Buffer.from(bytes).toString('base64') }] });
  return outcome!;
}

function imported(name: string): number {
  const outcome = importBook(name);
  if (outcome.status !== 'imported') throw new Error(`${name}: ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
  return outcome.document.id;
}

interface PartRow {
  ordinal: number;
  label: string;
  start_offset: number;
  end_offset: number;
}
const chaptersOf = (id: number) =>
  temp.library.db
    .prepare(`SELECT ordinal, label, start_offset, end_offset FROM document_parts WHERE document_id = ? AND kind = 'chapter' ORDER BY ordinal`)
    .all(id) as PartRow[];
const fileOf = (id: number) =>
  temp.library.db.prepare('SELECT media_type, sha256, byte_size, extraction, has_text, length(bytes) AS stored FROM document_files WHERE document_id = ?').get(id) as
    | { media_type: string; sha256: string; byte_size: number; extraction: string; has_text: number; stored: number }
    | undefined;
const flatten = (entries: OutlineEntry[]): OutlineEntry[] => entries.flatMap((entry) => [entry, ...flatten(entry.children)]);
const libraryState = () => ({
  documents: temp.call('documents.list', {}).map((d) => d.id),
  files: (temp.library.db.prepare('SELECT count(*) AS n FROM document_files').get() as { n: number }).n,
  parts: (temp.library.db.prepare('SELECT count(*) AS n FROM document_parts').get() as { n: number }).n,
});

describe('Moby-Dick (EPUB 3, 144 spine items)', () => {
  it('becomes one document with its details, its bytes and one part per linear chapter', () => {
    const bytes = book('moby-dick.epub');
    const id = imported('moby-dick.epub');
    const doc = temp.call('documents.get', { id });
    expect(doc.title).toBe('Moby-Dick');
    expect(doc.authors).toEqual(['Herman Melville']);
    expect(doc.language).toBe('en-US');
    expect(doc.publisher).toBe('Harper & Brothers, Publishers');
    expect(doc.format).toBe('html');
    expect(doc.wordCount).toBeGreaterThan(200_000);

    const file = fileOf(id)!;
    expect(file).toMatchObject({ media_type: 'application/epub+zip', byte_size: bytes.byteLength, stored: bytes.byteLength, extraction: 'epub/1', has_text: 1 });

    // The spine's cover and one more are linear="no": read by link, not in order.
    const chapters = chaptersOf(id);
    expect(chapters).toHaveLength(142);
    expect(chapters.map((c) => c.ordinal)).toEqual(chapters.map((_, i) => i));
    for (const [i, chapter] of chapters.entries()) {
      expect(chapter.end_offset).toBeGreaterThanOrEqual(chapter.start_offset);
      if (i > 0) expect(chapter.start_offset).toBeGreaterThanOrEqual(chapters[i - 1]!.end_offset);
    }
    expect(chapters.at(-1)!.end_offset).toBeLessThanOrEqual(doc.text.length);
    const loomings = chapters.find((c) => c.label === 'Chapter 1. Loomings.')!;
    expect(doc.text.slice(loomings.start_offset, loomings.end_offset)).toMatch(/^Chapter 1\. Loomings\.\n\nCall me Ishmael\./);
  });

  it('finds a sentence with search.query, and its match lies inside the right chapter', () => {
    const id = imported('moby-dick.epub');
    const results = temp.call('search.query', { query: '"insular city of the Manhattoes"', kinds: ['document'] });
    const found = results.documents.find((d) => d.id === id);
    expect(found?.match).not.toBeNull();
    const chapter = chaptersOf(id).find((c) => c.start_offset <= found!.match!.start && found!.match!.end <= c.end_offset);
    expect(chapter?.label).toBe('Chapter 1. Loomings.');
    expect(found!.snippet.map((piece) => piece.text).join('')).toContain('insular city of the Manhattoes');
  });

  it('keeps the nav as the outline, each entry at its chapter’s first words', () => {
    const id = imported('moby-dick.epub');
    const outline = temp.call('documents.outline', { documentId: id });
    const text = temp.call('documents.get', { id }).text;
    expect(outline.chapters).toBe(142);
    const entries = flatten(outline.entries);
    const chapter9 = entries.find((entry) => entry.title === 'Chapter 9. The Sermon.')!;
    expect(text.slice(chapter9.offset)).toMatch(/^Chapter 9\. The Sermon\./);
    const offsets = entries.map((entry) => entry.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('exports a chapter’s passage to W3C with an EPUB CFI of its chapter, the cover (not linear) counted among the spine’s items', () => {
    const id = imported('moby-dick.epub');
    const text = temp.call('documents.get', { id }).text;
    const words = 'without a trace of the same sea-taste';
    const start = text.indexOf(words);
    temp.call('highlights.create', { documentId: id, start, end: start + words.length, colour: 'green' });
    const collection = JSON.parse(temp.call('export.webAnnotations', { documentId: id }).content) as {
      first: { items: Array<{ target: { selector: Array<Record<string, unknown>> } }> };
    };
    const [quote, position, chapter] = collection.first.items[0]!.target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: words });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + words.length });
    // Chapter 8 is the spine's 14th itemref (the cover, 1st, is not linear), in the package's 3rd element, the spine; "/4" is its body.
    // Its itemrefs have no id of their own, so the step asserts none (the item's id is not the itemref's).
    expect(chapter).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://www.idpf.org/epub/linking/cfi/epub-cfi.html',
      value: 'epubcfi(/6/28!/4)',
      refinedBy: quote,
    });
  });

  it('is a duplicate the second time, found by its bytes, whatever the file is called', () => {
    const id = imported('moby-dick.epub');
    const again = importBook('a copy.epub', book('moby-dick.epub'));
    expect(again).toMatchObject({ status: 'duplicate', document: { id } });
    expect(libraryState().files).toBe(1);
  });
});

describe('right to left', () => {
  it('imports the Arabic book with its language, so the reader reads it right to left', () => {
    const id = imported('regime-anticancer-arabic.epub');
    const doc = temp.call('documents.get', { id });
    expect(doc.language).toBe('ar');
    expect(doc.title).toBe('Le Vrai Régime anti-cancer');
    expect(doc.authors).toEqual(['Pr David Khayat', 'Nathalie Hutter-Lardeau']);
    expect(doc.published).toBe('2012');
    expect(doc.text).toMatch(/[\u0600-\u06ff]{4,}/);
    expect(chaptersOf(id).length).toBeGreaterThan(0);
  });

  it('marks every chapter rtl when the spine says so, whatever the language', () => {
    const epub = handMadeEpub({ spineAttributes: ' page-progression-direction="rtl"', language: 'en' });
    const outcome = importBook('rtl.epub', epub);
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const html = temp.call('documents.get', { id: outcome.document.id }).html;
    expect(html).toMatch(/<section[^>]* dir="rtl"/);
  });
});

describe('EPUB 2 with an NCX (calibre Quick Start)', () => {
  it('takes its outline and chapter titles from the NCX, nested as written', () => {
    const id = imported('calibre-quick-start.epub');
    const doc = temp.call('documents.get', { id });
    expect(doc.title).toBe('Quick Start Guide');
    expect(doc.authors).toEqual(['John Schember']);
    const outline = temp.call('documents.outline', { documentId: id });
    expect(outline.entries.map((e) => e.title)).toContain('Common Tasks');
    const common = outline.entries.find((e) => e.title === 'Common Tasks')!;
    expect(common.children.length).toBeGreaterThan(0);
    for (const entry of flatten(outline.entries)) {
      expect(doc.text.slice(entry.offset, entry.offset + 400).toLowerCase(), entry.title).toContain(entry.title.split(/[\s:,]+/)[0]!.toLowerCase());
    }
    expect(chaptersOf(id).map((c) => c.label)).toContain('Installing calibre');
  });
});

describe('a book with a script (wasteland-script.epub)', () => {
  it('stores no script and no address of 127.0.0.9 that anything could load', () => {
    const id = imported('wasteland-script.epub');
    const doc = temp.call('documents.get', { id });
    expect(doc.html).not.toMatch(/<script|\bon[a-z]+=|javascript:/i);
    expect(doc.html).not.toContain('127.0.0.9');
    expect(doc.text).not.toContain('PWNED');
    expect(doc.text).toContain('April is the cruellest month');
  });
});

describe('refusals, naming the file, with nothing written', () => {
  const refusedWith = (name: string, bytes: Uint8Array, reason: RegExp) => {
    const before = libraryState();
    const outcome = importBook(name, bytes);
    expect(outcome.status).toBe('refused');
    expect('message' in outcome && outcome.message).toMatch(new RegExp(`^${name.replace(/[.]/g, '\\.')} was not imported: `));
    expect('message' in outcome && outcome.message).toMatch(reason);
    expect(libraryState()).toEqual(before);
  };

  it('a truncated download (no central directory)', () => {
    refusedWith('childrens-literature-truncated.epub', book('childrens-literature-truncated.epub'), /not a complete zip file/);
  });

  it('no container.xml, no package file, an empty spine', () => {
    refusedWith('no-container.epub', zipSync({ mimetype: strToU8('application/epub+zip'), 'OPS/a.xhtml': strToU8(xhtml('A')) }), /container\.xml/);
    const noOpf = zipSync({ mimetype: strToU8('application/epub+zip'), 'META-INF/container.xml': strToU8(container('OPS/package.opf')) });
    refusedWith('no-opf.epub', noOpf, /package file \(OPS\/package\.opf\) is missing/);
    refusedWith('empty-spine.epub', handMadeEpub({ spine: '' }), /spine lists no chapter/);
    refusedWith('bad-xml.epub', handMadeEpub({ opf: '<package><metadata>' }), /not well-formed XML/);
  });

  it('a path that leaves the book', () => {
    const files = handMadeFiles({});
    refusedWith('traversal.epub', zipSync({ ...files, '../../etc/evil.xhtml': strToU8(xhtml('evil')) }), /outside the book/);
    refusedWith('absolute.epub', zipSync({ ...files, '/tmp/evil.xhtml': strToU8(xhtml('evil')) }), /outside the book/);
  });

  it('a zip bomb: more claimed than any book holds, refused before anything is inflated', () => {
    // Three entries each declaring 200 MB once inflated (their directory entries say what a
    // bomb's would; the refusal is read from the directory, so nothing is inflated to find out).
    const files = { ...handMadeFiles({}), 'OPS/a.bin': new Uint8Array(1024), 'OPS/b.bin': new Uint8Array(1024), 'OPS/c.bin': new Uint8Array(1024) };
    const bomb = declaringInflatedSize(zipSync(files), ['OPS/a.bin', 'OPS/b.bin', 'OPS/c.bin'], 200 * 1024 * 1024);
    refusedWith('bomb.epub', bomb, /more than 512 MB once unpacked/);
  });

  it('a zip with more entries than a book has', () => {
    const many: Record<string, Uint8Array> = handMadeFiles({});
    for (let i = 0; i < 10_001; i++) many[`OPS/x${i}.txt`] = new Uint8Array(0);
    refusedWith('many.epub', zipSync(many, { level: 0 }), /more than 10000 files/);
  });
});

describe('a hand-made book', () => {
  it('asserts an itemref’s own id in its chapter’s CFI, escaped, and skips a non-linear itemref in the count but not in the steps', () => {
    const epub = handMadeEpub({
      chapters: { 'one.xhtml': xhtml('<p>The first chapter’s words.</p>'), 'two.xhtml': xhtml('<p>The second chapter’s words.</p>') },
      spine: '<itemref idref="c0" linear="no"/><itemref id="ref[2]" idref="c1"/>',
    });
    const outcome = importBook('ids.epub', epub);
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const text = temp.call('documents.get', { id: outcome.document.id }).text;
    const start = text.indexOf('second chapter');
    temp.call('highlights.create', { documentId: outcome.document.id, start, end: start + 'second chapter'.length, colour: 'yellow' });
    const exported = temp.call('export.webAnnotations', { documentId: outcome.document.id }).content;
    expect(exported).toContain('"value": "epubcfi(/6/4[ref^[2^]]!/4)"');
  });

  it('joins links between chapters, keeps ids apart, never loads an image and names a chapter by its heading', () => {
    const epub = handMadeEpub({
      chapters: {
        'one.xhtml': xhtml('<h1>First</h1><p>See <a href="two%20b.xhtml#note">the note</a>.<img src="pic.png" alt="a map"/></p><div id="x"/><p>After the empty div.</p>'),
        'two b.xhtml': xhtml('<p id="x">Second chapter.</p><p id="note">The note.</p>'),
      },
    });
    const outcome = importBook('hand.epub', epub);
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const doc = temp.call('documents.get', { id: outcome.document.id });
    expect(doc.html).toContain('href="#user-content-chapter-2-note"');
    expect(doc.html).toContain('id="user-content-chapter-2-note"');
    expect(doc.html).not.toMatch(/src="pic\.png"/);
    expect(doc.text).toContain('[Image: a map]');
    // The self-closed <div/> closes where XML says it does, so the paragraph after it is not inside it.
    expect(doc.text).toContain('After the empty div.');
    expect(chaptersOf(outcome.document.id).map((c) => c.label)).toEqual(['First', 'Chapter 2']);
  });

  it('reads a chapter in the encoding its XML declaration names, and imports a book whose NCX is broken without contents', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Café à Gao.</p></body></html>', 'latin1');
    const files = handMadeFiles({});
    files['OPS/one.xhtml'] = latin1;
    files['OPS/toc.ncx'] = strToU8('<ncx><navMap><navPoint>');
    files['OPS/package.opf'] = strToU8(new TextDecoder().decode(files['OPS/package.opf']).replace('</manifest>', '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>'));
    const outcome = importBook('latin1.epub', zipSync(files));
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(temp.call('documents.get', { id: outcome.document.id }).text).toContain('Café à Gao.');
    expect(temp.call('documents.outline', { documentId: outcome.document.id })).toEqual({ entries: [], chapters: 1 });
  });
});

describe('documents.outline', () => {
  it('answers an article with no contents, and refuses a missing document or bad input', () => {
    const article = temp.call('documents.list', {})[0]!;
    expect(temp.call('documents.outline', { documentId: article.id })).toEqual({ entries: [], chapters: 0 });
    expect(temp.errorOf('documents.outline', { documentId: 999_999 })).toMatchObject({ code: 'not_found' });
    expect(temp.errorOf('documents.outline', { documentId: 'one' })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('replacing a document with a newer version', () => {
  const upload = (name: string, bytes: Uint8Array) => ({ name, base64: Buffer.from(bytes).toString('base64') });

  it('takes the new book’s file, chapters and contents in place of the old one’s', () => {
    const first = importBook('v1.epub', handMadeEpub({ chapters: { 'a.xhtml': xhtml('<h1>One</h1><p>First words.</p>') } }));
    if (first.status !== 'imported') throw new Error(first.status);
    const id = first.document.id;
    const v2 = handMadeEpub({ chapters: { 'a.xhtml': xhtml('<h1>One</h1><p>First words.</p>'), 'b.xhtml': xhtml('<h1>Two</h1><p>Added.</p>') } });
    temp.call('documents.replace', { id, file: upload('v2.epub', v2) });
    expect(chaptersOf(id).map((c) => c.label)).toEqual(['One', 'Two']);
    expect(fileOf(id)!.byte_size).toBe(v2.byteLength);
    expect(temp.call('documents.get', { id }).text).toContain('Added.');
  });

  it('forgets the old file and its chapters when the new version is not a book', () => {
    const id = imported('calibre-quick-start.epub');
    temp.call('documents.replace', { id, file: upload('guide.md', Buffer.from('# Quick Start Guide\n\nNow a page of Markdown.\n')) });
    expect(fileOf(id)).toBeUndefined();
    expect(chaptersOf(id)).toEqual([]);
    expect(temp.call('documents.outline', { documentId: id })).toEqual({ entries: [], chapters: 0 });
  });

  it('refuses a damaged book naming it, and leaves the document as it was', () => {
    const id = imported('calibre-quick-start.epub');
    const before = chaptersOf(id);
    const error = temp.errorOf('documents.replace', { id, file: upload('cut.epub', book('childrens-literature-truncated.epub')) });
    expect(error).toMatchObject({ code: 'refused' });
    expect(error.message).toMatch(/^cut\.epub was not imported: it is not a complete zip file/);
    expect(chaptersOf(id)).toEqual(before);
  });
});

function xhtml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title><script src="x.js"/></head><body>${body}</body></html>`;
}

function container(opfPath: string): string {
  return `<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="${opfPath}" media-type="application/oebps-package+xml"/></rootfiles></container>`;
}

interface BookOptions {
  chapters?: Record<string, string>;
  spine?: string;
  spineAttributes?: string;
  language?: string;
  opf?: string;
}

function handMadeFiles({ chapters = { 'one.xhtml': xhtml('<p>Only chapter.</p>') }, spine, spineAttributes = '', language = 'en', opf }: BookOptions): Record<string, Uint8Array> {
  const names = Object.keys(chapters);
  const manifest = names.map((name, i) => `<item id="c${i}" href="${encodeURI(name)}" media-type="application/xhtml+xml"/>`).join('');
  const itemrefs = spine ?? names.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  const packageXml =
    opf ??
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hand made</dc:title><dc:language>${language}</dc:language></metadata><manifest>${manifest}</manifest><spine${spineAttributes}>${itemrefs}</spine></package>`;
  return {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container('OPS/package.opf')),
    'OPS/package.opf': strToU8(packageXml),
    ...Object.fromEntries(Object.entries(chapters).map(([name, body]) => [`OPS/${name}`, strToU8(body)])),
  };
}

function handMadeEpub(options: BookOptions): Uint8Array {
  return zipSync(handMadeFiles(options));
}

/** The zip with the named entries' inflated size in the central directory set to `size`. */
function declaringInflatedSize(zip: Uint8Array, names: string[], size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (names.includes(name)) view.setUint32(at + 24, size, true);
  }
  return bytes;
}
