import { describe, expect, it } from 'vitest';
import { pdfDocumentBody } from './pdf-document';

describe('pdfDocumentBody', () => {
  it('cuts the text into pages whose ranges hold exactly their paragraphs', () => {
    const body = pdfDocumentBody([['One.', 'Two <b>&'], [], ['Three.']], ['i', 'ii', '1']);
    expect(body.text).toBe('One.\n\nTwo <b>&\n\nThree.');
    expect(body.pages.map((page) => body.text.slice(page.startOffset, page.endOffset))).toEqual(['One.\n\nTwo <b>&', '', 'Three.']);
    expect(body.pages.map((page) => page.label)).toEqual(['i', 'ii', '1']);
    expect(body.html).toContain('<section title="p. i"><p>One.</p>');
    expect(body.html).toContain('Two &lt;b&gt;&amp;');
    expect(body.html).not.toContain('p. ii');
  });

  it('keeps a one-page document in its section, and marks a right-to-left paragraph', () => {
    const body = pdfDocumentBody([['שלום עולם', 'Latin']], ['1']);
    expect(body.html).toBe('<section title="p. 1"><p dir="rtl">שלום עולם</p>\n\n<p>Latin</p></section>');
    expect(body.pages).toEqual([{ ordinal: 0, label: '1', startOffset: 0, endOffset: body.text.length }]);
  });

  it('gives a scan empty text and an empty range for each page', () => {
    const body = pdfDocumentBody([[], []], ['1', '2']);
    expect(body).toEqual({ html: '', text: '', pages: [{ ordinal: 0, label: '1', startOffset: 0, endOffset: 0 }, { ordinal: 1, label: '2', startOffset: 0, endOffset: 0 }] });
  });
});
