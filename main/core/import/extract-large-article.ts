import { chooseTitle, pageDetails, type PageDetails } from './extract-article';
import { scorePage, type PageScores } from './score-page';
import { streamArticle } from './stream-article';

/**
 * Where a saved page stops being read whole, as a DOM for Readability, and is streamed instead.
 * The DOM path costs about fifty times the page's size in memory (a 7 MB page took 340 MB) but
 * has Readability's finer clean-up of the article's insides, which matters on an ordinary article.
 * The largest real article pages we know (Readability's test pages, news sites with their inline
 * scripts) are under 400 KB: at 1.5 MB every article keeps Readability, and what streams is
 * book-length (a report, a court file, a whole book saved as one page), at most ~75 MB as a DOM.
 */
export const LARGE_PAGE_BYTES = 1536 * 1024;

export interface LargeArticle {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  details?: PageDetails;
  /** Sanitised and normalised, as normaliseDocument writes them. */
  html: string;
  text: string;
  /** SHA-256 of the text. */
  contentHash: string;
}

/**
 * The article of a book-length saved page, read in two passes over its text and never held as
 * one DOM or tree: as a DOM, with Readability's copies of it, a 7 MB page took half a gigabyte.
 * Pass one (score-page.ts) chooses the container as Readability scores candidates; pass two
 * (stream-article.ts) sanitises and normalises that container's content a run of blocks at a
 * time. What it leaves out of Readability: joining sibling candidates and the clean-up of the
 * chosen container's insides, which matter on a short page more than in a book.
 */
export function extractLargeArticle(readPage: () => Iterable<string>, pageBytes: number): LargeArticle {
  const scores = scorePage(readPage);
  // The article is rarely larger than its page, in UTF-8 as in the file: room for it from the start.
  const { html, text, contentHash } = streamArticle(readPage, scores, { expectedBytes: pageBytes });
  return { ...largeArticleDetails(scores), html, text, contentHash };
}

/** What pass one found of the page's details: its title, byline, address and publisher. */
export function largeArticleDetails(scores: PageScores): Pick<LargeArticle, 'title' | 'byline' | 'sourceUrl' | 'details'> {
  const heading = scores.firstHeading ?? scores.title;
  return {
    title: chooseTitle(scores.metaTitle ?? scores.title, heading),
    byline: scores.byline,
    sourceUrl: scores.sourceUrl,
    details: pageDetails(scores.siteName, scores.publishedTime, null),
  };
}
