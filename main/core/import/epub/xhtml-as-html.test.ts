import { describe, expect, it } from 'vitest';
import { isEpub } from './is-epub';
import { openSelfClosedElements } from './xhtml-as-html';
import { strToU8, zipSync } from 'fflate';

describe('self-closed XHTML elements', () => {
  it('are opened and closed, so HTML reads them as XML does; void ones stay', () => {
    expect(openSelfClosedElements('<a id="p12"/><div class="x" /><br/><img src="a.png" alt="a/b"/>')).toBe(
      '<a id="p12"></a><div class="x"></div><br/><img src="a.png" alt="a/b"/>',
    );
    expect(openSelfClosedElements('<script src="x.js"/><p>Body</p>')).toBe('<script src="x.js"></script><p>Body</p>');
  });
});

describe('an EPUB is known', () => {
  it('by its name, or by its first entry, whatever it is called', () => {
    const book = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'a.xhtml': strToU8('<p>x</p>') });
    expect(isEpub('book.epub', new Uint8Array(0))).toBe(true);
    expect(isEpub('book.zip', book)).toBe(true);
    expect(isEpub('other.zip', zipSync({ 'a.txt': strToU8('x') }))).toBe(false);
    expect(isEpub('page.html', strToU8('<p>mimetypeapplication/epub+zip</p>'))).toBe(false);
  });
});
