import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../db/library';
import { getDocument, listDocuments } from '../documents/document-repo';
import { declaredHtmlEncoding } from './declared-html-encoding';
import { decodeTextFile } from './decode-text-file';
import { importFile } from './import-document';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const readabilityPages = path.resolve(repoRoot, '../shared/testdata/readability');

let dir: string;
let library: Library;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-encodings-'));
  library = Library.open(path.join(dir, 'library.sqlite')).library;
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** ASCII text with some bytes spliced in, as a page saved in a legacy encoding is on disk. */
function bytesOf(...parts: Array<string | readonly number[]>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'ascii')] : part)));
}

function hex(bytes: string): number[] {
  return [...Buffer.from(bytes.replace(/\s+/g, ''), 'hex')];
}

/** UTF-16 bytes with a byte order mark, written by hand rather than by the decoder under test. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

function imported(fileName: string, bytes: Uint8Array) {
  const outcome = importFile(library, fileName, bytes);
  if (outcome.status !== 'imported') throw new Error(`${fileName}: ${outcome.status} ${'message' in outcome ? outcome.message : ''}`);
  const document = getDocument(library, outcome.document.id);
  return { title: outcome.document.title, text: document.text };
}

// windows-1252: é 0xE9, û 0xFB, € 0x80, “ 0x93, ” 0x94, ’ 0x92.
const CAFE_TITLE = ['Caf', [0xe9], ' ', [0x93], 'Noir', [0x94]] as const;
const CAFE_BODY = ['Le caf', [0xe9], ' co', [0xfb], 'te 3 ', [0x80], ' au comptoir, l', [0x92], 'addition arrive vite.'] as const;

function windows1252Page(declaration: string): Uint8Array {
  return bytesOf(
    `<!doctype html><html><head>${declaration}<title>`,
    ...CAFE_TITLE,
    '</title></head><body><article><h1>',
    ...CAFE_TITLE,
    '</h1><p>',
    ...CAFE_BODY,
    '</p><p>Une deuxi',
    [0xe8],
    'me phrase pour que l',
    [0x92],
    'article ait du corps et du texte.</p></article></body></html>',
  );
}

const CAFE_TEXT = 'Le café coûte 3 € au comptoir, l’addition arrive vite.';

describe('a page saved in a legacy encoding', () => {
  it.each([
    ['<meta charset="windows-1252">'],
    ['<meta charset=iso-8859-1>'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'],
    ['<META CONTENT="text/html;charset=us-ascii" HTTP-EQUIV="content-type">'],
  ])('is read in the encoding it declares: %s', (declaration) => {
    // iso-8859-1 and us-ascii are windows-1252 in the Encoding Standard, so 0x80 is still €.
    const { title, text } = imported('cafe.html', windows1252Page(declaration));
    expect(title).toBe('Café “Noir”');
    expect(text).toContain(CAFE_TEXT);
    expect(text).toContain('Une deuxième phrase');
  });

  it('reads a Shift_JIS page', () => {
    // iconv -f utf-8 -t shift_jis of "東京の天気" and "今日は晴れです。明日は雨が降るでしょう。"
    const heading = hex('938c8b9e82cc93568b43');
    const sentence = hex('8da193fa82cd90b082ea82c582b7814296be93fa82cd894a82aa8d7e82e982c582b582e582a48142');
    const page = bytesOf(
      '<html><head><meta http-equiv="content-type" content="text/html; charset=Shift_JIS"><title>',
      heading,
      '</title></head><body><h1>',
      heading,
      '</h1><p>',
      sentence,
      '</p></body></html>',
    );
    const { title, text } = imported('tenki.html', page);
    expect(title).toBe('東京の天気');
    expect(text).toContain('今日は晴れです。明日は雨が降るでしょう。');
  });

  it('ignores a charset that is not in a <meta>, such as a script attribute or a style sheet data URL', () => {
    const page = bytesOf(
      '<html><head><script charset="shift_jis" src="x.js"></script><style>a{background:url(data:image/svg+xml;charset=shift_jis,x)}</style>',
      '<!-- <meta charset="shift_jis"> --><title>Caf',
      [0xc3, 0xa9],
      ' Noir</title></head><body><h1>Caf',
      [0xc3, 0xa9],
      ' Noir</h1><p>Le caf',
      [0xc3, 0xa9],
      ' est bon et le th',
      [0xc3, 0xa9],
      ' aussi.</p></body></html>',
    );
    const { title, text } = imported('utf8-cafe.html', page);
    expect(title).toBe('Café Noir');
    expect(text).toContain('Le café est bon et le thé aussi.');
  });

  it('falls back to UTF-8 when the declared charset is unknown', () => {
    const page = new TextEncoder().encode(
      '<html><head><meta charset="x-bogus"><title>Café Noir</title></head><body><h1>Café Noir</h1><p>Le café coûte 3 €.</p></body></html>',
    );
    const { title, text } = imported('bogus.html', page);
    expect(title).toBe('Café Noir');
    expect(text).toContain('Le café coûte 3 €.');
  });

  it('is read as UTF-8 when a stale declaration does not fit its bytes', () => {
    const page = new TextEncoder().encode(
      '<html><head><meta charset="shift_jis"><title>東京の天気</title></head><body><h1>東京の天気</h1><p>今日は晴れです。</p></body></html>',
    );
    const { title, text } = imported('stale.html', page);
    expect(title).toBe('東京の天気');
    expect(text).toContain('今日は晴れです。');
  });

  it('lets a UTF-8 byte order mark win over a declaration', () => {
    const page = new TextEncoder().encode(
      '\ufeff<html><head><meta charset="windows-1252"><title>Café Noir</title></head><body><h1>Café Noir</h1><p>Le café coûte 3 €.</p></body></html>',
    );
    const { title, text } = imported('bom.html', page);
    expect(title).toBe('Café Noir');
    expect(text).toContain('Le café coûte 3 €.');
  });

  it('reads an XHTML page by its XML declaration', () => {
    const page = bytesOf(
      '<?xml version="1.0" encoding="windows-1252"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Caf',
      [0xe9],
      ' Noir</title></head><body><h1>Caf',
      [0xe9],
      ' Noir</h1><p>',
      ...CAFE_BODY,
      '</p></body></html>',
    );
    const { title, text } = imported('cafe.xhtml', page);
    expect(title).toBe('Café Noir');
    expect(text).toContain(CAFE_TEXT);
  });
});

describe('the declared encoding, found as a browser finds it', () => {
  const ascii = (html: string) => new TextEncoder().encode(html);
  it.each([
    ['<meta charset="Shift_JIS">', 'shift_jis'],
    ['<meta charset = " latin1 " >', 'windows-1252'],
    ['<meta/charset=euc-jp>', 'euc-jp'],
    ['<meta http-equiv="content-type" content="text/html; charset=\'gb2312\'">', 'gbk'],
    ['<meta content="text/html; charset=koi8-r" charset="windows-1251" http-equiv="Content-Type">', 'windows-1251'],
    ['<meta charset="utf-16le">', 'utf-8'],
    ['<meta charset="x-user-defined">', 'windows-1252'],
    ['<meta charset="x-bogus"><meta charset="euc-kr">', 'euc-kr'],
  ])('%s declares %s', (html, encoding) => {
    expect(declaredHtmlEncoding(ascii(`<!doctype html><head>${html}`))).toBe(encoding);
  });

  it.each([
    ['a content type without http-equiv', '<meta content="text/html; charset=shift_jis">'],
    ['a charset in another attribute', '<a title="<meta charset=shift_jis>">x</a>'],
    ['a charset in a comment', '<!-- <meta charset=shift_jis> -->'],
    ['a charset after the first 1024 bytes', `<p>${'x'.repeat(1100)}</p><meta charset=shift_jis>`],
    ['an unknown label', '<meta charset="x-bogus">'],
  ])('%s declares nothing', (_label, html) => {
    expect(declaredHtmlEncoding(ascii(`<!doctype html><head>${html}`))).toBeNull();
  });
});

describe('UTF-16 with a byte order mark', () => {
  const page = '<!DOCTYPE html><html><head><title>Grüße aus Köln</title></head><body><h1>Grüße aus Köln</h1><p>Der Dom steht seit 1880 — „fertig“, sagt man. 東京の天気 😀</p></body></html>';

  it.each([['le'], ['be']] as const)('imports a UTF-16%s page', (order) => {
    const { title, text } = imported(`koeln-${order}.html`, utf16(page, order));
    expect(title).toBe('Grüße aus Köln');
    expect(text).toContain('Der Dom steht seit 1880 — „fertig“, sagt man. 東京の天気 😀');
  });

  it.each([['le'], ['be']] as const)('imports UTF-16%s plain text and Markdown', (order) => {
    const note = imported(`memo-${order}.txt`, utf16('Notiz aus Köln\n\nDer Dom ist groß.\n', order));
    expect(note.title).toBe('Notiz aus Köln');
    expect(note.text).toBe('Der Dom ist groß.');
    const markdown = imported(`memo-${order}.md`, utf16('# Grüße\n\nDie Brücke über den Rhein.\n', order));
    expect(markdown.title).toBe('Grüße');
    expect(markdown.text).toBe('Die Brücke über den Rhein.');
  });

  it('still knows a binary file behind a UTF-16 byte order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 1, 0, 2, 0, 3, 0]);
    const outcome = importFile(library, 'blob.txt', bytes);
    expect(outcome.status === 'refused' && outcome.message).toBe('blob.txt was not imported: it is a binary file, not text.');
  });
});

describe('what cannot be decoded is refused, naming the file', () => {
  it.each([
    ['plain text that is not UTF-8', 'latin1.txt', bytesOf('Caf', [0xe9], ' au lait\n'), 'latin1.txt was not imported: it is not valid UTF-8 text. Save it as UTF-8 and import it again.'],
    ['Markdown that declares a charset, which Markdown cannot', 'notes.md', bytesOf('<meta charset="windows-1252">\n# Caf', [0xe9], '\n'), 'notes.md was not imported: it is not valid UTF-8 text. Save it as UTF-8 and import it again.'],
    ['a page that declares nothing and is not UTF-8', 'old.html', bytesOf('<html><body><p>Caf', [0xe9], '</p></body></html>'), 'old.html was not imported: it is not valid UTF-8 text and declares no other encoding.'],
    [
      'a page that is neither its declared Shift_JIS nor UTF-8',
      'broken.html',
      bytesOf('<meta charset="sjis"><p>', [0x93, 0x20, 0xe9], '</p>'),
      'broken.html was not imported: it declares the Shift_JIS encoding but is not valid Shift_JIS or UTF-8 text.',
    ],
    [
      'a page in an encoding that browsers refuse to read',
      'korean.html',
      bytesOf('<meta charset="iso-2022-kr"><p>', [0x1b, 0x24, 0x29, 0x43], 'x</p>'),
      'korean.html was not imported: it is in an encoding (ISO-2022-KR or similar) that cannot be read safely; save it as UTF-8 and import it again.',
    ],
    ['a broken UTF-16 file', 'half.txt', new Uint8Array([0xfe, 0xff, 0xd8, 0x3d, 0x00, 0x41, 0x00]), 'half.txt was not imported: it starts with a UTF-16BE byte order mark but is not valid UTF-16BE text.'],
  ])('refuses %s', (_label, fileName, bytes, message) => {
    const outcome = importFile(library, fileName, bytes);
    expect(outcome.status === 'refused' && outcome.message).toBe(message);
    expect(listDocuments(library)).toEqual([]);
  });
});

describe('the real pages in the shared test data', () => {
  // None of Readability's 28 pages is in a legacy encoding; all must still read exactly as UTF-8,
  // including bbc-1, whose first kilobyte has charset= in a script attribute and a style sheet.
  const pages = fs.readdirSync(readabilityPages).filter((name) => fs.existsSync(path.join(readabilityPages, name, 'source.html')));

  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(28);
  });

  it.each(pages)('%s decodes as the UTF-8 it is', (name) => {
    const bytes = fs.readFileSync(path.join(readabilityPages, name, 'source.html'));
    expect(decodeTextFile('source.html', bytes)).toBe(new TextDecoder().decode(bytes));
  });
});
