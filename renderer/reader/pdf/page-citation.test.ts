import { describe, expect, it } from 'vitest';
import type { DocumentPart } from '../../../main/common/document-parts';
import { pageCitation } from './page-citation';

const pages: DocumentPart[] = [
  { kind: 'page', ordinal: 0, label: 'i', startOffset: 0, endOffset: 40 },
  { kind: 'page', ordinal: 1, label: '1', startOffset: 40, endOffset: 40 },
  { kind: 'page', ordinal: 2, label: '2', startOffset: 40, endOffset: 90 },
];

describe('pageCitation', () => {
  it('cites the printed label of the page a passage starts on, passing over a page without text', () => {
    expect(pageCitation(pages, { start: 12, status: 'exact' })).toBe('p. i');
    expect(pageCitation(pages, { start: 40, status: 'approximate' })).toBe('p. 2');
  });

  it('cites nothing for an orphaned passage, a chapter or a document without parts', () => {
    expect(pageCitation(pages, { start: 12, status: 'orphaned' })).toBeNull();
    expect(pageCitation([{ kind: 'chapter', ordinal: 0, label: 'Loomings', startOffset: 0, endOffset: 50 }], { start: 3, status: 'exact' })).toBeNull();
    expect(pageCitation(undefined, { start: 3, status: 'exact' })).toBeNull();
  });
});
