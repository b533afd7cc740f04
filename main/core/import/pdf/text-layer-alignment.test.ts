import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignedSpan, alignLayerText, layerSpan } from '../../../common/pdf-text-alignment';
import { preparePdf } from './import-pdf';
import { pdfjsOptions } from './pdf-engine';

/** The real PDFs of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const DOCUMENTS = path.resolve(import.meta.dirname, '../../../../../shared/testdata/documents');
const SLOW = 120_000;

/**
 * A page's text as pdf.js's text layer holds it in the reader: one span per text item with the
 * item's string as the PDF spells it (pdf_viewer.mjs asks for `disableNormalization: true` and
 * marked content, which adds no text), and a <br> for a line's end, which adds no text either.
 */
async function layerTexts(bytes: Uint8Array, password?: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string);
  const task = pdfjs.getDocument(pdfjsOptions(bytes.slice(), password));
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent({ includeMarkedContent: true, disableNormalization: true });
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

const PDFS_WITH_TEXT: Array<[name: string, password?: string]> = [
  ['tracemonkey.pdf'],
  ['GeoTopo-komprimiert.pdf'],
  ['pdkids.pdf'],
  ['issue16063.pdf'],
  ['issue11656.pdf'],
  ['libreoffice-writer-password.pdf', 'openpassword'],
];

describe('the text layer lines up with the stored text', () => {
  it.each(PDFS_WITH_TEXT)(
    '%s: every visible character stored for a page is under its text layer’s, in order, and only joined hyphens are left over',
    async (name, password) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(DOCUMENTS, name)));
      const { document, pages } = preparePdf(name, bytes, password);
      const layers = await layerTexts(bytes, password);
      expect(layers).toHaveLength(pages.length);
      let uncovered = 0;
      let visible = 0;
      const strayOnLayer: string[] = [];
      pages.forEach((page, index) => {
        const { starts, ends } = alignLayerText(layers[index]!, document.text, page.startOffset, page.endOffset);
        const covered = new Uint8Array(page.endOffset - page.startOffset);
        let last = -1;
        starts.forEach((start, unit) => {
          const character = layers[index]!.charAt(unit);
          // Only a hyphen joined away at a line's end may stand for nothing.
          if (start < 0 && !/[\s\-\u00AD\u2010]/.test(character)) strayOnLayer.push(`p. ${index + 1}: ${character}`);
          if (start < 0) return;
          expect(start, `page ${index + 1}: offsets go backwards`).toBeGreaterThanOrEqual(last);
          last = start;
          for (let offset = start; offset < ends[unit]!; offset++) covered[offset - page.startOffset] = 1;
        });
        for (let offset = page.startOffset; offset < page.endOffset; offset++) {
          if (/\s/.test(document.text.charAt(offset))) continue;
          visible++;
          if (!covered[offset - page.startOffset]) uncovered++;
        }
      });
      expect(visible).toBeGreaterThan(0);
      expect(uncovered, `${uncovered} of ${visible} stored characters have no place on the text layer`).toBe(0);
      expect(strayOnLayer.slice(0, 10)).toEqual([]);
    },
    SLOW,
  );
});

describe('alignLayerText', () => {
  const text = 'An efficient example of state-sponsored ﬁle work';

  it('steps over a hyphen joined away at a line’s end, and unfolds a ligature', () => {
    const layer = 'An eﬃcient exam-ple of state-sponsored ﬁle work';
    const alignment = alignLayerText(layer, text, 0, text.length);
    expect(alignment.starts[layer.indexOf('ﬃ')]).toBe(text.indexOf('ffi'));
    expect(alignment.ends[layer.indexOf('ﬃ')]).toBe(text.indexOf('ffi') + 3);
    expect(alignment.starts[layer.indexOf('-ple')]).toBe(-1);
    expect(alignment.starts[layer.indexOf('ple')]).toBe(text.indexOf('ple'));
    expect(alignment.starts[layer.indexOf('-spon')]).toBe(text.indexOf('-spon'));
  });

  it('maps a selection on the layer to the stored span, and a stored span back to the layer', () => {
    const layer = 'An eﬃcient exam-ple of';
    const alignment = alignLayerText(layer, text, 0, text.length);
    const from = layer.indexOf('eﬃ');
    const to = layer.indexOf(' of');
    expect(alignedSpan(alignment, from, to)).toEqual({ start: 3, end: text.indexOf(' of') });
    expect(layerSpan(alignment, text.indexOf('example'), text.indexOf(' of'))).toEqual({ from: layer.indexOf('exam'), to });
    expect(layerSpan(alignment, text.indexOf('state'), text.length)).toBeNull();
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    const stored = 'Field notes 📎 from Gao';
    const alignment = alignLayerText('Field notes 📎 from Gao', stored, 0, stored.length);
    const clip = stored.indexOf('📎');
    expect([alignment.starts[clip], alignment.ends[clip], alignment.starts[clip + 1], alignment.ends[clip + 1]]).toEqual([clip, clip + 2, clip, clip + 2]);
  });
});
