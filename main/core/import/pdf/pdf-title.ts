import type { PdfLine } from './page-lines';
import type { PdfReading } from './read-pdf';

/**
 * Titles that software wrote in place of one: a word processor's file name ("Microsoft Word -
 * report.doc"), a bare file name, "Untitled", a number. None of these is what a reader calls the
 * document, so the page's own heading is better.
 */
const NOT_A_TITLE = [
  /^microsoft (word|powerpoint|excel) - /i,
  /\.(docx?|odt|rtf|pdf|tex|dvi|ps|indd|pages|txt|html?|pptx?|xlsx?)$/i,
  /^(untitled|untitled document|document\d*|title|no title|none|null|unknown)$/i,
  /^[\d\s._-]*$/,
  /^[a-z]:\\|^\//i,
];

export function isRealTitle(value: string | null): value is string {
  if (!value) return false;
  const title = value.trim();
  return title.length >= 2 && title.length <= 500 && !NOT_A_TITLE.some((pattern) => pattern.test(title));
}

/**
 * The title a reader would give: the metadata's (XMP's dc:title first, as the newer and more often
 * right), else the largest line on the first page with text (lines of that size in a row, as a
 * title set on two lines), else the file's name.
 */
export function pdfTitle(reading: Pick<PdfReading, 'xmpTitle' | 'infoTitle' | 'pages'>, fileTitle: string): string {
  for (const candidate of [reading.xmpTitle, reading.infoTitle]) if (isRealTitle(candidate)) return candidate.replace(/\s+/g, ' ').trim();
  const firstPage = reading.pages.find((lines) => lines.length > 0);
  const heading = firstPage ? headingLines(firstPage) : null;
  return isRealTitle(heading) ? heading : fileTitle;
}

/** The first run of lines in the page's largest font, when it stands out from the body text. */
function headingLines(lines: readonly PdfLine[]): string | null {
  const largest = Math.max(...lines.map((line) => line.size));
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? largest;
  if (largest < body * 1.15) return null;
  const start = lines.findIndex((line) => line.size >= largest * 0.95);
  const run: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.size >= largest * 0.95 && run.length < 4; i++) run.push(lines[i]!.text);
  const title = run.join(' ').replace(/\s+/g, ' ').trim();
  return title.length > 0 ? title : null;
}
