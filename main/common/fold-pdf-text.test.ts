import { describe, expect, it } from 'vitest';
import { foldPdfText } from './fold-pdf-text';

describe('foldPdfText', () => {
  it('unfolds Latin ligatures so the words can be searched', () => {
    expect(foldPdfText('eﬃcient ﬁle ﬂow oﬀ')).toBe('efficient file flow off');
  });

  it('folds full-width ASCII and the ideographic space to their plain forms', () => {
    expect(foldPdfText('ａ　０．７５（以下')).toBe('a 0.75(以下');
  });

  it('leaves superscripts, fractions and ellipses as they are written', () => {
    expect(foldPdfText('x² ½ … ™')).toBe('x² ½ … ™');
  });

  it('turns Arabic presentation forms back into letters', () => {
    expect(foldPdfText('\uFEB3\uFEE0\uFE8E\uFEE1')).toBe('سلام');
  });
});
