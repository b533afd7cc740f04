import { Readability } from '@mozilla/readability';
import { parseBodyFragment, type TreeParent } from './html-tree';
import { parsePage } from './parse-page';
import { languageFrom, partialDateFrom } from '../../common/document-details';

/** Untrusted like the rest of the page: each is checked and dropped when it is not what it claims. */
export interface PageDetails {
  publisher: string | null;
  published: string | null;
  language: string | null;
}

/** The page's details in their stored shapes; anything that is not a date or a language tag is left out. */
export function pageDetails(siteName: string | null | undefined, publishedTime: string | null | undefined, lang: string | null | undefined): PageDetails {
  const publisher = siteName?.replace(/\s+/g, ' ').trim().slice(0, 500) || null;
  return { publisher, published: partialDateFrom(publishedTime), language: languageFrom(lang) };
}

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  /** What else the page says about itself, for a citation (absent from plain text and Markdown). */
  details?: PageDetails;
  /** Unsanitised: the caller must sanitise it before storing or showing it. */
  content: TreeParent;
}

/**
 * Finds the article in a saved web page (its text, read in pieces, as often as asked for):
 * Readability drops navigation, comment sections and forms. The page is read as a browser reads
 * it (see parse-page.ts); the article Readability finds is read back the same way, so what gets
 * sanitised, stored and later shown is a browser's reading of the HTML.
 */
export function extractArticle(readPage: () => Iterable<string>): ExtractedArticle {
  const { heading, content, ...found } = readArticle(readPage);
  if (content === null) {
    // Readability gave up (a page with little text): keep the whole body, chrome removed. It
    // changed the document while trying, so start again from the page.
    const again = parsePage(readPage).document;
    return { ...found, title: heading, byline: null, content: parseBodyFragment(again.body?.innerHTML ?? '') };
  }
  return { ...found, content: parseBodyFragment(content) };
}

interface FoundArticle extends Omit<ExtractedArticle, 'content'> {
  /** The page's own heading, or failing that its <title>. */
  heading: string | null;
  /** The article's markup as Readability wrote it; null when it found none. */
  content: string | null;
}

/** Returns strings only, so the page's DOM can be collected before the article is parsed again. */
function readArticle(readPage: () => Iterable<string>): FoundArticle {
  const { document, firstHeading } = parsePage(readPage);
  const sourceUrl = canonicalUrl(document);
  const heading = firstHeading ?? (document.title.replace(/\s+/g, ' ').trim() || null);
  const article = new Readability(document, { keepClasses: false }).parse();
  return {
    title: chooseTitle(article?.title?.trim() || null, heading),
    byline: article?.byline?.trim() || null,
    sourceUrl,
    details: pageDetails(article?.siteName, article?.publishedTime, article?.lang ?? document.documentElement?.getAttribute('lang')),
    heading,
    content: article?.content || null,
  };
}

const TITLE_SEPARATOR = /\s+[|–—·»/\\-]\s+|:\s+/;
const wordCount = (text: string) => text.split(/\s+/).filter((word) => word.length > 0).length;

/**
 * Readability may take the title from <title>, which often carries the site's name ("Sahel
 * Review | The convoy"). When the page's own heading is one side of that, and the longer one
 * (a headline says more than a site's name: "Quanta Magazine", "V8"), the heading is the title.
 */
export function chooseTitle(readabilityTitle: string | null, heading: string | null): string | null {
  if (!readabilityTitle) return heading;
  if (!heading || heading === readabilityTitle) return readabilityTitle;
  const parts = readabilityTitle.split(TITLE_SEPARATOR).map((part) => part.trim());
  if (parts.length < 2 || !parts.includes(heading)) return readabilityTitle;
  const rest = parts.filter((part) => part !== heading).join(' ');
  return wordCount(heading) > wordCount(rest) ? heading : readabilityTitle;
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
