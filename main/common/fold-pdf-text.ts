/**
 * Characters a PDF's fonts spell one way and a reader types another: Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ
 * ﬅ ﬆ), full-width ASCII and the ideographic space (Japanese and Chinese typesetting), half-width
 * katakana, and Arabic presentation forms (the shaped glyphs a PDF often stores instead of
 * letters). Only these ranges go through NFKC: over the whole text it would also turn "²" into
 * "2", "½" into "1⁄2" and "…" into "...", changing what the text says rather than how it is set.
 */
const FOLDED = /[\uFB00-\uFB06\uFB13-\uFB17\uFB50-\uFDFF\uFE70-\uFEFF\uFF01-\uFF5E\uFF61-\uFFDC\u3000]/u;
const FOLDED_ALL = new RegExp(`${FOLDED.source}+`, 'gu');

export function foldPdfText(text: string): string {
  if (!FOLDED.test(text)) return text;
  return text.replace(FOLDED_ALL, (run) => run.normalize('NFKC'));
}
