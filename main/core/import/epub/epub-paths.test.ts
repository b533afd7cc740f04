import { describe, expect, it } from 'vitest';
import { isInsideBook } from './epub-archive';
import { resolveHref } from './epub-paths';

describe('hrefs inside a book', () => {
  it('resolve against the file they are written in, decoded, with their fragment', () => {
    expect(resolveHref('OPS/package.opf', 'text/Chapter%201.xhtml#p%203')).toEqual({ path: 'OPS/text/Chapter 1.xhtml', fragment: 'p 3' });
    expect(resolveHref('OPS/text/a.xhtml', '../images/map.png')).toEqual({ path: 'OPS/images/map.png', fragment: null });
    expect(resolveHref('OPS/text/a.xhtml', '#note-1')).toEqual({ path: 'OPS/text/a.xhtml', fragment: 'note-1' });
    expect(resolveHref('', 'OEBPS/content.opf')).toEqual({ path: 'OEBPS/content.opf', fragment: null });
  });

  it('point at nothing when they leave the book or the machine', () => {
    expect(resolveHref('OPS/a.xhtml', '../../etc/passwd')).toBeNull();
    expect(resolveHref('OPS/a.xhtml', 'http://127.0.0.9:9/leak')).toBeNull();
    expect(resolveHref('OPS/a.xhtml', '//example.com/x')).toBeNull();
    expect(resolveHref('OPS/a.xhtml', 'file:///etc/passwd')).toBeNull();
    expect(resolveHref('OPS/a.xhtml', 'bad%zzname.xhtml')).toBeNull();
  });
});

describe('zip entry names', () => {
  it('stay inside the book only when relative, without `..`, `.`, a drive or a backslash', () => {
    for (const name of ['mimetype', 'META-INF/container.xml', 'OPS/images/', 'OPS/Chapter 1.xhtml']) expect(isInsideBook(name), name).toBe(true);
    for (const name of ['../evil', 'OPS/../../evil', '/etc/passwd', 'C:/evil', 'OPS\\..\\evil', 'OPS//a', './a', '']) expect(isInsideBook(name), name).toBe(false);
  });
});
