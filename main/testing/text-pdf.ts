/*
 * A plain PDF 1.4 written by hand, so tests and benchmarks can have PDFs of any text and length
 * without a library to make them: one flat page tree, Helvetica (a standard font every reader has, so nothing
 * is embedded), text streams left uncompressed, and a cross-reference table whose offsets are
 * counted, so pdf.js reads the file as written rather than repairing it.
 */

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const FONT_SIZE = 11;
const LEADING = 14;
/** Helvetica at 11 pt is about 5.5 pt a character on average: 468 pt of line holds about 85. */
export const CHARACTERS_PER_LINE = 85;
/** Lines of the text block, blank lines between paragraphs included. */
export const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);

export interface TextPdfOptions {
  title: string;
  /** Each page's lines; an empty string is a blank line (a paragraph's end). */
  pages: ReadonlyArray<readonly string[]>;
}

/** A valid PDF whose pages show the given lines in Helvetica, top to bottom. */
export function textPdf({ title, pages }: TextPdfOptions): Buffer {
  const catalog = 1;
  const pageTree = 2;
  const font = 3;
  const info = 4;
  const firstPage = 5;
  // Each page is two objects: the page, then its content stream.
  const pageObject = (index: number) => firstPage + 2 * index;
  const objects: string[] = [
    `<< /Type /Catalog /Pages ${pageTree} 0 R >>`,
    `<< /Type /Pages /Kids [${pages.map((_, index) => `${pageObject(index)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfString(title)} /Producer (Fieldbook tests and benchmarks) >>`,
  ];
  pages.forEach((lines, index) => {
    const stream = contentStream(lines);
    objects.push(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${pageObject(index) + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  });

  // Latin-1 throughout: every character written is one byte, so string lengths are byte offsets.
  const chunks: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  let length = Buffer.byteLength(chunks[0]!, 'latin1');
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    const chunk = `${index + 1} 0 obj\n${object}\nendobj\n`;
    offsets.push(length);
    chunks.push(chunk);
    length += Buffer.byteLength(chunk, 'latin1');
  });
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  chunks.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`);
  chunks.push(`trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

/** One page's text: the font once, then each line one leading below the last (T*). */
function contentStream(lines: readonly string[]): string {
  const shown = lines.map((line) => (line === '' ? 'T*' : `${pdfString(line)} Tj T*`));
  return `BT\n/F1 ${FONT_SIZE} Tf\n${LEADING} TL\n${MARGIN} ${PAGE_HEIGHT - MARGIN} Td\n${shown.join('\n')}\nET`;
}

/**
 * A literal string in WinAnsiEncoding: the delimiters escaped, and Latin-1 letters (é in
 * "Traoré") as octal, which WinAnsi maps as Latin-1 does. Nothing beyond Latin-1 is written.
 */
function pdfString(text: string): string {
  let out = '(';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character === '(' || character === ')' || character === '\\') out += `\\${character}`;
    else if (code >= 0x20 && code < 0x7f) out += character;
    else if (code >= 0xa0 && code <= 0xff) out += `\\${code.toString(8)}`;
    else throw new Error(`the PDF writer has no WinAnsi code for U+${code.toString(16).padStart(4, '0')}`);
  }
  return `${out})`;
}

