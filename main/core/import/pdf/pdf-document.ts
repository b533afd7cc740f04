import { isElement, parseBodyFragment, textContent } from '../html-tree';
import { normaliseDocument } from '../normalise-text';
import { sanitiseTree } from '../sanitise-html';

/** A page of the text: where it starts and ends in the document's text, and what it is called. */
export interface PdfPagePart {
  ordinal: number;
  label: string;
  startOffset: number;
  endOffset: number;
}

export interface PdfDocumentBody {
  html: string;
  text: string;
  pages: PdfPagePart[];
}

/**
 * The document's HTML and text from its pages' paragraphs. Each page with text is a <section>
 * of paragraphs whose title is the page's label: the reader can show where a page starts without
 * "Page 3" entering the text that highlights, search and quotes count in. A page without text has
 * no section and an empty range where it falls. The HTML goes through the same sanitiser and
 * normaliser as every import, so its textContent is the stored text, exactly.
 */
export function pdfDocumentBody(pages: ReadonlyArray<readonly string[]>, labels: readonly string[]): PdfDocumentBody {
  const html = pages
    .map((paragraphs, index) =>
      paragraphs.length === 0 ? '' : `<section title="${escapeHtml(pageTitle(labels[index]!))}">${paragraphs.map(paragraphHtml).join('')}</section>`,
    )
    .join('');
  const root = parseBodyFragment(html);
  sanitiseTree(root);
  const body = normaliseDocument(root);
  const sections: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const child of root.childNodes) {
    const length = isElement(child) ? textContent(child).length : 'value' in child ? child.value.length : 0;
    if (isElement(child) && child.tagName === 'section') sections.push({ start: offset, end: offset + length });
    offset += length;
  }
  let next = 0;
  let reached = 0;
  const parts = pages.map((paragraphs, ordinal): PdfPagePart => {
    const range = paragraphs.length > 0 ? sections[next++] : undefined;
    if (range) reached = range.end;
    return { ordinal, label: labels[ordinal]!, startOffset: range?.start ?? reached, endOffset: range?.end ?? reached };
  });
  if (next !== sections.length) throw new Error(`The PDF's ${next} pages with text became ${sections.length} sections.`);
  return { html: body.html, text: body.text, pages: parts };
}

/** The section's tooltip, which is all a reader sees of it: "p. 12", "p. iv". */
export const pageTitle = (label: string): string => `p. ${label}`;

function paragraphHtml(text: string): string {
  return startsRightToLeft(text) ? `<p dir="rtl">${escapeHtml(text)}</p>` : `<p>${escapeHtml(text)}</p>`;
}

/** Whether the paragraph's first strong letter is Hebrew or Arabic, as a browser's dir="auto" decides. */
function startsRightToLeft(text: string): boolean {
  const strong = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]|\p{L}/u.exec(text);
  return strong !== null && /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u.test(strong[0]);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
