import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentHtmlFile, noteHtmlFile } from './export-files';
import { body, paragraph, populate, tempLibrary, text, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-html-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

/** Nothing in the page may load or run anything: no scripts, handlers, or src/href to resources. */
function assertSelfContained(html: string): void {
  const { document } = new JSDOM(html).window;
  expect(document.querySelectorAll('script, iframe, object, embed, img, link, base, form, svg').length).toBe(0);
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute, `<${element.tagName}> ${attribute}`).not.toMatch(/^(on|src|srcset|action|formaction|background|poster)/i);
    }
  }
  for (const a of document.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
  expect(html).not.toMatch(/@import|url\(/i);
}

describe('HTML exports', () => {
  it('prints a note as one self-contained, escaped page', () => {
    const evil = t.call('notes.create', { title: '<script>alert(1)</script>' });
    t.call('notes.save', {
      id: evil.id,
      title: '<script>alert(1)</script>',
      body: body(
        paragraph(text('<img src=x onerror=alert(1)> & "quotes"', 1)),
        paragraph({ type: 'link', url: 'javascript:alert(1)', version: 1, children: [text('click')] }, text(' '), { type: 'link', url: 'https://example.org/a?b=1&c=2', version: 1, children: [text('safe')] }),
      ),
    });
    const { content } = noteHtmlFile(t.library, evil.id);
    assertSelfContained(content);
    expect(content).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(content).toContain('<strong>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</strong>');
    expect(content).toContain('<p>click <a href="https://example.org/a?b=1&amp;c=2">safe</a></p>');
    expect(content).toMatch(/@media print/);
  });

  it('renders a note’s structure and links with current names', () => {
    const { fileName, content } = noteHtmlFile(t.library, fixture.notes.reading.id);
    assertSelfContained(content);
    expect(fileName).toBe('Reading notes Mali Sahel.html');
    expect(content).toContain('<h2>Summary</h2>');
    expect(content).toContain('<ul><li>first point</li><li><ul><li>nested point</li></ul></li></ul>');
    expect(content).toContain('<ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(content).toContain('<ul class="check"><li>☑ read the report</li><li>☐ call &lt;Bamako&gt; &amp; co</li></ul>');
    expect(content).toContain('See <span class="note-link">Sanctuaries</span> and ask <span class="mention">@AQIM</span>.');
    expect(content).toContain(`<p class="attribution">— ${fixture.article.title}</p>`);
  });

  it('prints a document’s annotations with comments, actors and orphans', () => {
    const { content } = documentHtmlFile(t.library, fixture.fieldNotes.id);
    assertSelfContained(content);
    expect(content).toContain('<h1>Field notes from Gao</h1>');
    expect(content).toContain('<h2>Highlights (1)</h2>');
    expect(content).toContain('<h2>Orphaned highlights (1)</h2>');
    expect(content).toContain('Actors: <span class="mention">AQIM</span>, <span class="mention">Mokhtar Belmokhtar</span>');
    expect(content).toContain('<div class="comment">Unverified</div>');
    const article = documentHtmlFile(t.library, fixture.article.id).content;
    expect(article).toContain('Key source, &quot;General instructions&quot;;\nsee also Wadoud.');
  });
});
