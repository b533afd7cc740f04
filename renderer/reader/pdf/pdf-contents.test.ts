import { describe, expect, it } from 'vitest';
import { pdfContentsRows } from './pdf-contents';

describe('pdfContentsRows', () => {
  it('lists entries in reading order with their depth and 1-based page', () => {
    const rows = pdfContentsRows([
      { title: 'Introduction', part: 0, items: [{ title: 'Motivation', part: 1, items: [] }] },
      { title: 'Results', part: 6, items: [] },
    ]);
    expect(rows).toEqual([
      { title: 'Introduction', level: 1, pageNumber: 1 },
      { title: 'Motivation', level: 2, pageNumber: 2 },
      { title: 'Results', level: 1, pageNumber: 7 },
    ]);
  });

  it('leaves out an entry that points nowhere but keeps its children at its level', () => {
    const rows = pdfContentsRows([{ title: 'Elsewhere', part: null, items: [{ title: 'Here', part: 3, items: [] }] }]);
    expect(rows).toEqual([{ title: 'Here', level: 1, pageNumber: 4 }]);
  });
});
