import { describe, expect, it } from 'vitest';
import { parseBodyFragment } from './html-tree';
import { prepareDocument } from './import-document';
import { normaliseDocument } from './normalise-text';
import { sanitiseTree } from './sanitise-html';
import { scorePage } from './score-page';
import { streamArticle } from './stream-article';

/*
 * A page above LARGE_PAGE_BYTES is read in two streaming passes instead of as one DOM (see
 * extract-large-article.ts). These tests force small pages down that path: it must find the
 * article as Readability would, sanitise it with the same allow-list, and write exactly what
 * normalising the whole article at once writes.
 */
const STREAMED = { largePageBytes: 0 };
const encode = (html: string) => new TextEncoder().encode(html);

function paragraph(index: number): string {
  return `Paragraph ${index} tells how the convoy, stopped at the checkpoint near Gao, waited for the council’s word on the ransom.`;
}

/** A saved blog page: chrome around the article (navigation, sidebar, comments, scripts). */
function blogPage(article: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The long report | Sahel Review</title>
<link rel="canonical" href="https://sahel-review.example.org/2024/long-report/">
<meta name="author" content="Claire Dubois">
<script>window.secretTracker = 'dataLayer';</script><style>.site { color: red }</style></head>
<body>
<header class="site-header"><p class="site-title"><a href="/">Sahel Review</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about/">About us</a></li></ul></nav></header>
<div id="page" class="site"><main id="content" class="site-main">
<article id="post-1" class="post hentry">
<header class="entry-header"><h1 class="entry-title">The long report</h1></header>
<div class="entry-content">
${article}
</div>
<footer class="entry-footer"><div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a></div></footer>
</article>
<section id="comments" class="comments-area"><p>First comment: a reader’s view that is not part of the article, at some length, with commas, and more commas.</p>
<form><textarea>Reply here</textarea></form></section>
</main>
<aside class="sidebar widget-area"><section class="widget"><h2>Recent posts</h2><ul><li><a href="/1/">Older post about something else entirely, long enough to score</a></li></ul>
<p>Sidebar blurb about the Sahel Review, its editors, its funding, and its long history of reporting.</p></section></aside>
</div>
<footer class="site-footer"><p>© 2024 Sahel Review · Proudly powered by WordPress</p></footer>
<script>document.write('tracker');</script>
</body></html>`;
}

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `<p>${paragraph(i + 1)}</p>`).join('\n');

/** What normalising the whole article at once writes: the reference the streamed path must meet. */
function wholeArticle(article: string): { html: string; text: string } {
  const tree = parseBodyFragment(article);
  sanitiseTree(tree);
  return normaliseDocument(tree);
}

function streamed(page: string, runCharacters: number): { html: string; text: string } {
  const read = () => [page.slice(0, 1000), page.slice(1000)];
  return streamArticle(read, scorePage(read), { runCharacters });
}

describe('a book-length saved page, read in two streaming passes', () => {
  it('finds the article and its title, and leaves the navigation, sidebar, comments and scripts out', () => {
    const document = prepareDocument('long-report.html', encode(blogPage(paragraphs(300))), STREAMED);
    expect(document.title).toBe('The long report');
    expect(document.sourceUrl).toBe('https://sahel-review.example.org/2024/long-report/');
    expect(document.byline).toBe('Claire Dubois');
    const blocks = document.text.split('\n\n');
    expect(blocks).toEqual(Array.from({ length: 300 }, (_, i) => paragraph(i + 1)));
    expect(document.text).not.toMatch(/Home|About us|Sidebar blurb|First comment|Reply here|secretTracker|tracker|Share on Twitter|WordPress/);
  });

  it('gives the article, title, byline and address that reading the page whole with Readability gives', () => {
    const article = Array.from({ length: 6 }, (_, chapter) => `<h2>Chapter ${chapter + 1}: the council at Kidal</h2>\n${paragraphs(40)}`).join('\n');
    const page = encode(blogPage(article));
    const whole = prepareDocument('long-report.html', page, { largePageBytes: Number.POSITIVE_INFINITY });
    const streamedPage = prepareDocument('long-report.html', page, STREAMED);
    const { title, byline, sourceUrl, text, html, wordCount, contentHash } = whole;
    expect(streamedPage).toMatchObject({ title, byline, sourceUrl, text, html, wordCount, contentHash });
    expect(text).toContain('Chapter 6: the council at Kidal');
  });

  it('writes what normalising the whole article at once writes, however the runs fall', () => {
    const articles = [
      // Blocks only, with footnotes (ids kept only where a link points) and unreferenced ids.
      `${paragraphs(40)}<p id="ref1">A claim.<sup><a href="#fn1">[1]</a></sup></p><h2 id="unused">Notes</h2><hr><ol><li id="fn1">The note.</li><li>Two</li></ol>${paragraphs(40)}`,
      // Text and inline elements between the blocks, line breaks, a <pre>, a table and no-break spaces.
      `Lead text <b>bold</b> and\n  more ${paragraphs(30)} tail <em>text</em> <br>after a break\u00a0 <pre>\n\n  kept   as written\n</pre><table><tr><td>a cell</td><td> b </td></tr></table>${paragraphs(30)}   trailing words  `,
      // Wrappers the normaliser unwraps, and one it must keep because it says something (lang).
      `<div><div><section>${paragraphs(50)}</section></div></div>`,
      `<div lang="fr">${paragraphs(20)}</div>${paragraphs(20)}<div>${paragraphs(5)}</div>`,
      // Elements outside the vocabulary leave their content behind; scripts go whole.
      `<main><font>${paragraphs(25)}</font></main><script>alert(1)</script><custom-box><p>Inside a custom element.</p></custom-box>${paragraphs(25)}`,
    ];
    for (const article of articles) {
      const expected = wholeArticle(article);
      for (const runCharacters of [1, 300, 5000, 1_000_000]) {
        const got = streamed(blogPage(article), runCharacters);
        if (got.html !== expected.html) expect({ runCharacters, html: got.html }).toEqual({ runCharacters, html: expected.html });
        expect(got.text).toBe(expected.text);
      }
    }
  });

  it('keeps the words of a page nested 20,000 elements deep, without overflowing the stack', () => {
    const depth = 20_000;
    const article = `${paragraphs(3)}${'<div>'.repeat(depth)}Words at the bottom of the well.${'</div>'.repeat(depth)}<p>${paragraph(4)}</p>`;
    const document = prepareDocument('deep.html', encode(blogPage(article)), STREAMED);
    for (const expected of [paragraph(1), paragraph(3), 'Words at the bottom of the well.', paragraph(4)]) expect(document.text).toContain(expected);
  }, 60_000); // a parser's scope checks make 20,000 open elements slow to parse, in a browser too
});
