// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitiseDocument } from './sanitise-document';

function textOf(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.textContent ?? '';
}

describe('sanitiseDocument', () => {
  it('keeps the text exactly, so highlight offsets still fit', () => {
    const html = '\n<p>One <em>two</em> three<sup><a href="#user-content-fn1">[1]</a></sup></p>\n\n<hr>\n<p id="user-content-fn1">[1] Note.</p>\n';
    expect(textOf(sanitiseDocument(html))).toBe(textOf(html));
  });

  it('drops scripts, handlers, styles and forms', () => {
    const out = sanitiseDocument('<p onclick="x()" style="color:red">Hi<script>alert(1)</script></p><form><input></form><style>p{}</style>');
    expect(out).toBe('<p>Hi</p>');
  });

  it('keeps only ids the core prefixed', () => {
    const out = sanitiseDocument('<p id="user-content-fn1">a</p><p id="location">b</p>');
    expect(out).toBe('<p id="user-content-fn1">a</p><p>b</p>');
  });

  it('keeps in-document links as they are and shows the address of any other link', () => {
    const out = sanitiseDocument('<a href="#user-content-fn1">1</a> <a href="https://example.org/a">site</a> <a href="javascript:alert(1)">bad</a>');
    expect(out).toBe('<a href="#user-content-fn1">1</a> <a href="https://example.org/a" title="https://example.org/a">site</a> <a>bad</a>');
  });

  it('moves headings down a level when the body has its own h1', () => {
    expect(sanitiseDocument('<h1 id="user-content-a">A</h1><h2>B</h2><h6>C</h6>')).toBe('<h2 id="user-content-a">A</h2><h3>B</h3><h6>C</h6>');
    expect(sanitiseDocument('<h2>B</h2>')).toBe('<h2>B</h2>');
  });

  it('never loads a remote image', () => {
    expect(sanitiseDocument('<img src="https://example.org/x.png" alt="x">')).toBe('<img alt="x">');
  });
});
