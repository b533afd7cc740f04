import { describe, expect, it } from 'vitest';
import { citePart, partAt, type DocumentPart } from './document-parts';

const page = (ordinal: number, startOffset: number, endOffset: number, label = String(ordinal + 1)): DocumentPart => ({
  kind: 'page',
  ordinal,
  label,
  startOffset,
  endOffset,
});

describe('partAt', () => {
  const pages = [page(0, 0, 10), page(1, 12, 12), page(2, 12, 30, 'iii'), page(3, 32, 40)];

  it('finds the page an offset is on, past an empty page and between two pages', () => {
    expect(partAt(pages, 0)?.ordinal).toBe(0);
    expect(partAt(pages, 9)?.ordinal).toBe(0);
    expect(partAt(pages, 12)?.ordinal).toBe(2);
    expect(partAt(pages, 29)?.ordinal).toBe(2);
    expect(partAt(pages, 10)).toBeNull();
    expect(partAt(pages, 31)).toBeNull();
  });

  it('counts the end of the text as the last page, and nothing beyond it', () => {
    expect(partAt(pages, 40)?.ordinal).toBe(3);
    expect(partAt(pages, 41)).toBeNull();
    expect(partAt([], 0)).toBeNull();
  });
});

describe('citePart', () => {
  it('cites a page by its label and a chapter by its title', () => {
    expect(citePart(page(2, 0, 1, 'iii'))).toBe('p. iii');
    expect(citePart({ kind: 'chapter', label: 'Loomings' })).toBe('Loomings');
  });
});
