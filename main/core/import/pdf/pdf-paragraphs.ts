import { foldPdfText } from '../../../common/fold-pdf-text';
import type { PdfLine } from './page-lines';

/**
 * A page's lines joined into paragraphs, for every page of a document. The rules (version them in
 * pdf-engine.ts's PDF_EXTRACTION):
 *
 * - A paragraph ends at a change of font size (a heading), at a gap of more than about one and a
 *   half lines, before a line indented as a paragraph's first, and where the text jumps back up
 *   the page (the next column) after a line that ends a sentence. A sentence that runs on into
 *   the next column stays one paragraph, so it can be found and quoted whole.
 * - A word hyphenated at a line's end is joined: "exam-" + "ple" gives "example". The hyphen stays
 *   when the document writes the same compound whole elsewhere ("state-sponsored" in a line makes
 *   "state-" + "sponsored" keep it), when the next line starts with a capital or a digit
 *   ("Just-in-" + "Time"), and a soft hyphen always goes. Without a dictionary that is the best a
 *   PDF allows: typesetters hyphenate words far more often than they break a compound at its own
 *   hyphen, and the document itself is the only dictionary every language has.
 * - Chinese and Japanese lines join without a space; every other pair of lines with one.
 */
export function pdfParagraphs(pages: ReadonlyArray<readonly PdfLine[]>): string[][] {
  const folded = pages.map((lines) => lines.map((line) => ({ ...line, text: foldPdfText(line.text) })));
  const compounds = hyphenatedCompounds(folded);
  return folded.map((lines) => pageParagraphs(lines, compounds));
}

function pageParagraphs(lines: readonly PdfLine[], compounds: ReadonlySet<string>): string[] {
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && current && startsParagraph(previous, line)) {
      paragraphs.push(current);
      current = '';
    }
    current = current ? joinLines(current, line.text, compounds) : line.text;
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

const SENTENCE_END = /[.!?:;。！？]["'”’)\]]*$/u;

function startsParagraph(previous: PdfLine, line: PdfLine): boolean {
  const size = Math.max(previous.size, line.size, 1);
  if (Math.abs(previous.size - line.size) > size * 0.15) return true;
  const drop = previous.y - line.y;
  if (drop < -size) return SENTENCE_END.test(previous.text);
  if (drop > size * 1.9) return true;
  const indent = line.x - previous.x;
  return indent > size * 0.8 && indent < size * 4 && SENTENCE_END.test(previous.text);
}

const LINE_END_HYPHEN = /(\p{L}+)[-\u00AD\u2010]$/u;
const FIRST_WORD = /^(\p{L}+)/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

function joinLines(before: string, after: string, compounds: ReadonlySet<string>): string {
  const hyphenated = LINE_END_HYPHEN.exec(before);
  if (hyphenated) {
    const cut = before.slice(0, -1);
    if (before.endsWith('\u00AD')) return cut + after;
    const next = FIRST_WORD.exec(after);
    if (!next || !/^\p{Ll}/u.test(after)) return before + after;
    return compounds.has(`${hyphenated[1]!}-${next[1]!}`.toLowerCase()) ? before + after : cut + after;
  }
  if (CJK.test(before.slice(-1)) && CJK.test(after.charAt(0))) return before + after;
  return `${before} ${after}`;
}

/** Every "word-word" pair the document writes within a line: the compounds it hyphenates itself. */
function hyphenatedCompounds(pages: ReadonlyArray<readonly PdfLine[]>): Set<string> {
  const compounds = new Set<string>();
  for (const lines of pages) {
    for (const { text } of lines) {
      for (const [compound] of text.matchAll(/\p{L}+(?:[-\u2010]\p{L}+)+/gu)) {
        const words = compound.toLowerCase().split(/[-\u2010]/);
        for (let i = 1; i < words.length; i++) compounds.add(`${words[i - 1]!}-${words[i]!}`);
      }
    }
  }
  return compounds;
}
