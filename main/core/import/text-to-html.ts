import type { ConvertedText } from './markdown-to-html';

/**
 * Plain text: blank lines separate paragraphs; a short first line followed by a blank one is the
 * title, unless the caller already knows the title.
 */
export function textToHtml(text: string, { firstLineMayBeTitle = true } = {}): ConvertedText {
  const paragraphs = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  let title: string | null = null;
  const first = paragraphs[0];
  if (firstLineMayBeTitle && first && paragraphs.length > 1 && !first.includes('\n') && first.length <= 160) {
    title = first;
    paragraphs.shift();
  }
  return { title, html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
