import { describe, expect, it } from 'vitest';
import type { DocumentPart } from '../../main/common/document-parts';
import { placeCitation } from './place-citation';

const pages: DocumentPart[] = [
  { kind: 'page', ordinal: 0, label: 'i', startOffset: 0, endOffset: 40 },
  { kind: 'page', ordinal: 1, label: '1', startOffset: 40, endOffset: 40 },
  { kind: 'page', ordinal: 2, label: '2', startOffset: 40, endOffset: 90 },
];

describe('placeCitation', () => {
  it('cites the printed label of the page a passage starts on, passing over a page without text', () => {
    expect(placeCitation(pages, { start: 12, status: 'exact' })).toBe('p. i');
    expect(placeCitation(pages, { start: 40, status: 'approximate' })).toBe('p. 2');
  });

  it('cites an area by its own page, even where pages have no text to count in', () => {
    const scan: DocumentPart[] = [0, 1, 2].map((ordinal) => ({ kind: 'page', ordinal, label: String(ordinal + 1), startOffset: 0, endOffset: 0 }));
    expect(placeCitation(scan, { start: 0, status: 'exact', area: { page: 3, x: 0.1, y: 0.1, width: 0.2, height: 0.2 } })).toBe('p. 3');
  });

  it('cites a book’s passage by its chapter', () => {
    const chapters: DocumentPart[] = [
      { kind: 'chapter', ordinal: 0, label: 'Loomings', startOffset: 0, endOffset: 50 },
      { kind: 'chapter', ordinal: 1, label: 'The Carpet-Bag', startOffset: 50, endOffset: 120 },
    ];
    expect(placeCitation(chapters, { start: 60, status: 'exact' })).toBe('The Carpet-Bag');
  });

  it('cites nothing for an orphaned passage or a document without parts', () => {
    expect(placeCitation(pages, { start: 12, status: 'orphaned' })).toBeNull();
    expect(placeCitation(undefined, { start: 3, status: 'exact' })).toBeNull();
  });
});
