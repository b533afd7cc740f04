import { Prose } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { CHARACTERS_PER_LINE, LINES_PER_PAGE, textPdf } from '../main/testing/text-pdf';

/* A long book for the benchmarks, written with the tests' PDF writer (main/testing/text-pdf.ts). */

/** A paragraph broken into lines of at most CHARACTERS_PER_LINE, at spaces. */
function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > CHARACTERS_PER_LINE) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A book of `pageCount` full pages of seeded prose, paragraphs apart by a blank line (the gap the
 * importer ends a paragraph at). A paragraph that does not fit runs on to the next page, as in
 * a printed book. The same seed gives the same bytes.
 */
export function generateProsePdf(pageCount: number, seed: number): { bytes: Buffer; words: number } {
  const prose = new Prose(new Picker(seededRandom(seed)));
  const pages: string[][] = [];
  let page: string[] = [];
  while (pages.length < pageCount) {
    const sentences: string[] = [];
    for (let s = prose.pick.int(3, 7); s > 0; s--) {
      sentences.push(prose.sentence().text);
    }
    for (const line of [...wrap(sentences.join(' ')), '']) {
      if (page.length === LINES_PER_PAGE) {
        pages.push(page);
        page = [];
        if (pages.length === pageCount) break;
      }
      // A page does not start with the blank line that ended the paragraph before it.
      if (line !== '' || page.length > 0) page.push(line);
    }
  }
  const words = pages.reduce((sum, lines) => sum + lines.reduce((count, line) => count + (line ? line.split(' ').length : 0), 0), 0);
  return { bytes: textPdf({ title: `A generated book of ${pageCount} page${pageCount === 1 ? '' : 's'}`, pages }), words };
}
