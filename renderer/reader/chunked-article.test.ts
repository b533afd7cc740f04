// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { TextIndex, trimSpan } from '../highlights/text-offsets';
import { ChunkedArticle, fillText } from './chunked-article';
import { chunksCovering, planChunks } from './document-chunks';
import { sanitiseDocumentFragment } from './sanitise-document';

/** A long document as the importer stores it: paragraphs, headings, a list and a footnote, with the text it parses to. */
function book(paragraphs: number): { html: string; text: string } {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 25 === 0) parts.push(`<h2>Chapter ${i / 25 + 1}</h2>`);
    parts.push(`<p>Paragraph ${i} tells of the convoy at <em>Gao</em> on day ${i}; it crossed the river.</p>`);
    if (i % 40 === 7) parts.push(`<ul><li>Item ${i}</li><li>Another</li></ul>`);
  }
  parts.push('<p id="user-content-fn1">[1] The last note.</p>');
  const html = parts.join('\n');
  const container = document.createElement('div');
  container.innerHTML = html;
  return { html, text: container.textContent! };
}

function open(html: string): { article: HTMLElement; chunked: ChunkedArticle; filled: () => number } {
  const article = document.createElement('article');
  document.body.replaceChildren(article);
  let filled = 0;
  const chunked = new ChunkedArticle(article, planChunks(sanitiseDocumentFragment(html), 500), { scroller: null, onFilled: () => filled++ });
  return { article, chunked, filled: () => filled };
}

describe('planChunks', () => {
  it('splits between top-level nodes, and the chunks run through the whole text in order', () => {
    const { html, text } = book(200);
    const plan = planChunks(sanitiseDocumentFragment(html), 500);
    expect(plan.chunks.length).toBeGreaterThan(10);
    expect(plan.length).toBe(text.length);
    let at = 0;
    for (const chunk of plan.chunks) {
      expect(chunk.start).toBe(at);
      expect(chunk.nodes.map((node) => node.textContent).join('')).toBe(text.slice(chunk.start, chunk.end));
      at = chunk.end;
    }
    expect(plan.chunks[plan.chunkOfId.get('user-content-fn1')!]!.nodes.some((node) => (node as Element).id === 'user-content-fn1')).toBe(true);
  });

  it('keeps the text the stored markup parses to, whatever the markup', () => {
    const html =
      'Loose text first\n<pre>\nindented\n  code</pre>\n<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>' +
      '<ul><li>one<ul><li>nested</li></ul></li></ul><p>line<br>break &amp; entity&nbsp;here</p>\n\n<blockquote><p>quoted</p></blockquote>tail';
    const container = document.createElement('div');
    container.innerHTML = html;
    const plan = planChunks(sanitiseDocumentFragment(html), 10);
    expect(plan.chunks.flatMap((chunk) => chunk.nodes.map((node) => node.textContent)).join('')).toBe(container.textContent);
    expect(plan.length).toBe(container.textContent!.length);
  });

  it('never starts a chunk with a heading, so its margin collapses with the paragraph above as on an article', () => {
    const { html } = book(400);
    const plan = planChunks(sanitiseDocumentFragment(html), 500);
    const firstElements = plan.chunks.slice(1).map((chunk) => chunk.nodes.find((node) => node instanceof Element) as Element);
    expect(firstElements.filter((element) => /^H\d$/.test(element.tagName))).toEqual([]);
  });

  it('finds the chunks a span runs across', () => {
    const { html } = book(200);
    const { chunks } = planChunks(sanitiseDocumentFragment(html), 500);
    const boundary = chunks[3]!.start;
    expect(chunksCovering(chunks, boundary - 5, boundary + 5)).toEqual({ first: 2, last: 3 });
    expect(chunksCovering(chunks, boundary, boundary + 1)).toEqual({ first: 3, last: 3 });
    expect(chunksCovering(chunks, boundary - 1, boundary)).toEqual({ first: 2, last: 2 });
  });
});

describe('ChunkedArticle', () => {
  it('puts the first screen on the page at once and the rest as it is asked for, at the same offsets', () => {
    const { html, text } = book(400);
    const { article, chunked } = open(html);
    expect(chunked.complete).toBe(false);
    expect(article.textContent!.length).toBeLessThan(text.length);
    expect(text.startsWith(article.textContent!.slice(0, 1000))).toBe(true);

    const far = text.lastIndexOf('Paragraph 350 ');
    const span = { start: far, end: far + 'Paragraph 350'.length };
    expect(new TextIndex(article).rangeOf(span.start, span.end)).toBeNull();
    fillText(article, span.start, span.end);
    expect(new TextIndex(article).rangeOf(span.start, span.end)!.toString()).toBe('Paragraph 350');
    // A selection far down maps back to the same offsets, and trims by the document's text.
    const range = new TextIndex(article).rangeOf(span.start - 1, span.end + 1)!;
    const index = new TextIndex(article);
    expect(trimSpan(index, index.spanOf(range))).toEqual(span);
  });

  it('fills the rest on its own, and says so once it is all there', async () => {
    const { html, text } = book(300);
    const { article, chunked, filled } = open(html);
    const before = filled();
    await vi.waitFor(() => expect(chunked.complete).toBe(true), { timeout: 5_000 });
    expect(article.textContent).toBe(text);
    expect(filled()).toBeGreaterThan(before);
  });

  it('holds exactly the stored text once every chunk is filled', () => {
    const { html, text } = book(300);
    const { article, chunked } = open(html);
    chunked.fillAll();
    expect(chunked.complete).toBe(true);
    expect(article.textContent).toBe(text);
    expect(new TextIndex(article).length).toBe(text.length);
  });

  it('says when marks must be redone, and puts its markup back after a change', () => {
    const { html, text } = book(300);
    const { article, chunked, filled } = open(html);
    const before = filled();
    const end = text.length;
    fillText(article, end - 10, end);
    expect(filled()).toBe(before + 1);
    fillText(article, end - 10, end);
    expect(filled()).toBe(before + 1);
    article.querySelector('em')!.textContent = 'changed';
    chunked.restore();
    expect(article.querySelector('em')!.textContent).toBe('Gao');
    expect(new TextIndex(article).rangeOf(end - 10, end)!.toString()).toBe(text.slice(end - 10));
  });
});
