import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fragmentElement } from './dom-window';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  /** Unsanitised: the caller must sanitise it before storing or showing it. */
  content: HTMLElement;
}

/**
 * Finds the article in a saved web page: Readability drops navigation, comment sections and
 * forms. Finding it runs on linkedom, a fast DOM that has no script engine or network at all;
 * the article alone is then parsed again by jsdom, the standards-exact parser, so what gets
 * sanitised, stored and later shown is a browser's reading of the HTML.
 */
export function extractArticle(html: string): ExtractedArticle {
  // A saved fragment (no <html>/<body>) is still a page; linkedom needs the body to be there.
  const pageHtml = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(pageHtml) as unknown as { document: Document };
  const sourceUrl = canonicalUrl(document);
  const pageTitle = document.querySelector('h1')?.textContent?.trim() || document.title.trim() || null;
  removeUnwantedElements(document);
  const article = new Readability(document, { keepClasses: false }).parse();
  if (!article?.content) {
    // Readability gave up (a page with little text): keep the whole body, chrome removed. It
    // changed the document while trying, so start again from the page.
    const { document: again } = parseHTML(pageHtml) as unknown as { document: Document };
    removeUnwantedElements(again);
    return { title: pageTitle, byline: null, sourceUrl, content: fragmentElement(again.body?.innerHTML ?? '') };
  }
  return {
    title: chooseTitle(article.title?.trim() || null, pageTitle),
    byline: article.byline?.trim() || null,
    sourceUrl,
    content: fragmentElement(article.content),
  };
}

/**
 * Comment sections: Readability usually drops them, but a short comment can look like content.
 * Embedded and scripted elements: the sanitiser would drop them anyway, and linkedom writes some
 * of them inside SVG as `<iframe />`, which a standards parser reads as an open iframe that
 * swallows the rest of the article. Removing them first keeps every word that follows.
 */
const NEVER_KEPT = [
  '#comments', '.comments-area', '.comment-respond', '#respond', 'form', 'nav', '.skip-link',
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'textarea', 'select', 'button', 'input', 'xmp', 'noembed', 'noframes', 'plaintext', 'link', 'meta', 'base',
].join(',');

function removeUnwantedElements(document: Document): void {
  for (const element of document.querySelectorAll(NEVER_KEPT)) element.remove();
}

/**
 * Readability takes the title from <title>, which often carries the site's name ("Sahel Review |
 * The convoy"). When the page's own heading is part of that, the heading is the title.
 */
function chooseTitle(readabilityTitle: string | null, heading: string | null): string | null {
  if (!readabilityTitle) return heading;
  if (heading && heading !== readabilityTitle && readabilityTitle.includes(heading) && /[|–—:·»]/.test(readabilityTitle)) return heading;
  return readabilityTitle;
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
