import { describe, expect, it } from 'vitest';
import { parseBodyFragment, textContent } from './html-tree';
import { prepareDocument } from './import-document';
import { parsePage } from './parse-page';

/*
 * A saved page is decoded and parsed 64 KiB at a time, so that a book-length page's text is never
 * held whole (see decode-text-file.ts). Wherever a piece ends, inside a character, an entity, a
 * tag or a line break, the page must read as it reads whole.
 */
const PIECE_BYTES = 64 * 1024;
const PARAGRAPH = '<p>Tom &amp; Jerry met in Gao: “r&eacute;sum&#233;”, <em>signed</em>\r\nby the council.</p>';
const PARAGRAPH_TEXT = 'Tom & Jerry met in Gao: “résumé”, signed by the council.';

/** A page whose paragraph has byte `at` of its markup as the first byte of the second piece. */
function pageSplitting(paragraph: Uint8Array, at: number, charset: string): Uint8Array {
  const head = `<!doctype html><html><head><meta charset="${charset}"><title>Pieces</title></head><body><article><h1>Pieces</h1>`;
  const filler = (length: number) => `<p>${'The convoy crossed the river at dawn. '.repeat(Math.ceil(length / 38)).slice(0, length)}</p>`;
  const fillerBytes = PIECE_BYTES - at - head.length;
  // Two filler paragraphs, so that the article has a body of text to be found by.
  const first = filler(Math.floor(fillerBytes / 2) - 7);
  const second = filler(fillerBytes - first.length - 7);
  const tail = `${filler(2000)}</article></body></html>`;
  const before = new TextEncoder().encode(head + first + second);
  expect(before.byteLength + at).toBe(PIECE_BYTES);
  return new Uint8Array([...before, ...paragraph, ...new TextEncoder().encode(tail)]);
}

describe('a saved page read in pieces', () => {
  it('reads the same wherever a piece ends: inside a character, an entity, a tag or a CRLF', () => {
    const paragraph = new TextEncoder().encode(PARAGRAPH);
    for (let at = 1; at < paragraph.byteLength; at++) {
      const { text } = prepareDocument('pieces.html', pageSplitting(paragraph, at, 'utf-8'));
      if (!text.includes(`\n\n${PARAGRAPH_TEXT}\n\n`)) expect({ at, text: text.slice(text.indexOf('Tom'), text.indexOf('Tom') + 80) }).toEqual({ at, text: PARAGRAPH_TEXT });
    }
  }, 60_000);

  it('reads a windows-1252 page’s curly quotes on either side of a piece’s end', () => {
    // 0x93 and 0x94 are “ and ” in windows-1252 (C1 controls in Latin-1).
    const ascii = (text: string) => [...new TextEncoder().encode(text)];
    const paragraph = new Uint8Array([...ascii('<p>He said '), 0x93, ...ascii('quoted'), 0x94, ...ascii(' twice.</p>')]);
    for (const at of [10, 11, 17, 18]) {
      const { text } = prepareDocument('pieces.html', pageSplitting(paragraph, at, 'windows-1252'));
      expect(text).toContain('\n\nHe said “quoted” twice.\n\n');
    }
  });
});

describe('text the parser writes a run at a time', () => {
  it('joins text moved out of a table with the text it lands beside, in the page and in its article', () => {
    const markup = '<table>alpha <tr><td>cell</td></tr> omega</table>';
    const { document } = parsePage(() => ['<!doctype html><body>', markup]);
    expect(document.body.textContent).toBe('alpha  omegacell');
    expect(textContent(parseBodyFragment(markup))).toBe('alpha  omegacell');
  });
});
