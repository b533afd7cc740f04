import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

export interface ConvertedText {
  title: string | null;
  /** Unsanitised: raw HTML inside Markdown passes through marked, so the caller sanitises. */
  html: string;
}

/** A leading "# Title" becomes the document's title rather than a heading inside it. */
export function markdownToHtml(markdown: string): ConvertedText {
  const source = markdown.replace(/^\uFEFF/, '');
  const match = /^\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(\r?\n|$)/.exec(source);
  const title = match ? match[1]!.trim() : null;
  const body = match ? source.slice(match[0].length) : source;
  return { title, html: marked.parse(body) as string };
}
