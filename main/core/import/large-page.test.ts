import { describe, expect, it } from 'vitest';
import { prepareDocument } from './import-document';

/*
 * A book-length saved page: every paragraph of its article must come through, whole and in order,
 * however long the page. (How fast is bench/import.bench.ts's question, not this test's.)
 */
const WORDS = ['convoy', 'river', 'Gao', 'checkpoint', 'militia', 'ransom', 'border', 'Timbuktu', 'desert', 'council', 'Kidal', 'negotiation'];

function paragraphText(index: number): string {
  const words = Array.from({ length: 40 + (index % 23) }, (_, i) => WORDS[(index * 7 + i * 5) % WORDS.length]);
  return `Paragraph ${index}: ${words.join(' ')}.`;
}

/** Paragraphs as a saved page writes them: some with emphasis, a link or a footnote mark. */
function paragraphHtml(index: number): string {
  const [label, rest] = paragraphText(index).split(/:(.*)/s) as [string, string];
  if (index % 5 === 0) return `<p><em>${label}</em>:${rest}</p>`;
  if (index % 7 === 0) return `<p>${label}:<a href="https://example.org/${index}">${rest}</a></p>`;
  return `<p>${label}:\n    ${rest}</p>`;
}

function largePage(paragraphs: number): string {
  const body: string[] = [];
  for (let i = 1; i <= paragraphs; i++) {
    if (i % 50 === 1) body.push(`<h2>Chapter ${Math.ceil(i / 50)}</h2>`);
    body.push(paragraphHtml(i));
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sahel Review | The long report</title>
<script>window.dataLayer = [];</script><style>p { margin: 0 }</style></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<main><article><h1>The long report</h1>${body.join('\n')}</article></main>
<section id="comments"><p>First comment, not part of the article.</p></section></body></html>`;
}

describe('importing a book-length saved page', () => {
  it('keeps every paragraph’s text, in order, and nothing around the article', () => {
    const paragraphs = 12_000;
    const html = largePage(paragraphs);
    expect(html.length).toBeGreaterThan(4 * 1024 * 1024);
    const document = prepareDocument('long-report.html', new TextEncoder().encode(html));
    const kept = document.text.split('\n\n').filter((block) => block.startsWith('Paragraph '));
    expect(kept).toHaveLength(paragraphs);
    kept.forEach((text, i) => {
      if (text !== paragraphText(i + 1)) expect(text).toBe(paragraphText(i + 1));
    });
    expect(document.text).toContain('Chapter 240');
    expect(document.text).not.toMatch(/First comment|dataLayer|Home/);
  }, 120_000);

  it('keeps the words of a page nested 20,000 elements deep, without overflowing the stack', () => {
    const prose = paragraphHtml(1) + paragraphHtml(2);
    const depth = 20_000;
    const html = `<!doctype html><html><body><article>${prose}${'<div>'.repeat(depth)}Words at the bottom of the well.${'</div>'.repeat(depth)}${paragraphHtml(3)}</article></body></html>`;
    const document = prepareDocument('deep.html', new TextEncoder().encode(html));
    for (const expected of [paragraphText(1), paragraphText(2), 'Words at the bottom of the well.', paragraphText(3)]) expect(document.text).toContain(expected);
  }, 60_000); // a parser's scope checks make 20,000 open elements slow to parse, in a browser too
});
