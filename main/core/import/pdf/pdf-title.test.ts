import { describe, expect, it } from 'vitest';
import type { PdfLine } from './page-lines';
import { isRealTitle, pdfTitle } from './pdf-title';

const line = (text: string, size: number, y: number): PdfLine => ({ text, x: 50, y, size });
const page = [line('Trace-based Just-in-Time', 18, 700), line('Languages', 18, 680), line('Andreas Gal', 11, 640), line('Body text', 10, 600), line('More', 10, 588)];

describe('pdfTitle', () => {
  it('takes the metadata title when it is one', () => {
    expect(pdfTitle({ xmpTitle: null, infoTitle: 'Geometrie und Topologie', pages: [page] }, 'file')).toBe('Geometrie und Topologie');
  });

  it('passes over a word processor file name and takes the largest lines of the first page', () => {
    expect(isRealTitle('Microsoft Word - report.doc')).toBe(false);
    expect(isRealTitle('untitled')).toBe(false);
    expect(pdfTitle({ xmpTitle: '', infoTitle: 'Microsoft Word - report.doc', pages: [[], page] }, 'file')).toBe('Trace-based Just-in-Time Languages');
  });

  it('falls back to the file name when no line stands out', () => {
    expect(pdfTitle({ xmpTitle: null, infoTitle: null, pages: [[line('All', 10, 700), line('the same', 10, 688)]] }, 'report 2024')).toBe('report 2024');
    expect(pdfTitle({ xmpTitle: null, infoTitle: null, pages: [[], []] }, 'scan')).toBe('scan');
  });
});
