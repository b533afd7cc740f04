import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  /** Unsanitised: the caller must sanitise before storing or showing it. */
  html: string;
}

/**
 * Finds the article in a saved web page: Readability drops navigation, comment sections and
 * forms. jsdom is left with its defaults, which run no script and load no resource.
 */
export function extractArticle(pageHtml: string): ExtractedArticle {
  const dom = new JSDOM(pageHtml);
  const document = dom.window.document;
  const sourceUrl = canonicalUrl(document);
  const pageTitle = document.querySelector('h1')?.textContent?.trim() || document.title.trim() || null;
  removeCommentSections(document);
  const article = new Readability(document, { keepClasses: false }).parse();
  dom.window.close();
  if (!article?.content) {
    return { title: pageTitle, byline: null, sourceUrl, html: bodyOf(pageHtml) };
  }
  return {
    title: article.title?.trim() || pageTitle,
    byline: article.byline?.trim() || null,
    sourceUrl,
    html: article.content.replace(/^<div id="readability-page-1" class="page">([\s\S]*)<\/div>$/, '$1'),
  };
}

/** Readability usually drops these, but a short comment can look like content; never keep one. */
function removeCommentSections(document: Document): void {
  const selectors = ['#comments', '.comments-area', '.comment-respond', '#respond', 'form', 'nav', '.skip-link'];
  for (const element of document.querySelectorAll(selectors.join(','))) element.remove();
}

function canonicalUrl(document: Document): string | null {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (candidate && /^https?:\/\//i.test(candidate.trim())) return candidate.trim();
  }
  return null;
}

function bodyOf(pageHtml: string): string {
  const dom = new JSDOM(pageHtml);
  const html = dom.window.document.body?.innerHTML ?? '';
  dom.window.close();
  return html;
}
