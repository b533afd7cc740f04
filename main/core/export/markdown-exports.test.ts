import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorMarkdownFile, documentMarkdownFile, noteMarkdownFile } from './export-files';
import { blockQuote, plainTextLines } from './markdown-text';
import { noteToMarkdown, standaloneLinker } from './note-to-markdown';
import { body, paragraph, populate, tempLibrary, text, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-markdown-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

describe('Markdown exports', () => {
  it('writes a note with its formatting, lists, quotes and links back', () => {
    t.call('notes.save', { id: fixture.notes.target.id, title: 'Safe havens', body: { root: { type: 'root', children: [] } } });
    const { fileName, content } = noteMarkdownFile(t.library, fixture.notes.reading.id);
    expect(fileName).toBe('Reading notes Mali Sahel.md');
    const article = fixture.article;
    expect(content).toBe(
      [
        '# Reading notes: Mali/Sahel?',
        '## Summary',
        'Plain, **bold** and *italic* and ~~gone~~ and `code()`.',
        // The link shows the target's current title, not the one saved when it was linked.
        'See [[Safe havens]] and ask @AQIM.',
        '- first point\n    - nested point',
        '3. third\n4. fourth',
        '- [x] read the report\n- [ ] call \\<Bamako\\> & co',
        '> A quoted thought',
        '---',
        `> ${fixture.highlights.timbuktu.exact}\n>\n> — [${article.title}](fieldbook://document/${article.uid}#${fixture.highlights.timbuktu.uid})`,
        `> ${fixture.highlights.convoy.exact}\n>\n> — [Field notes from Gao](fieldbook://document/${fixture.fieldNotes.uid}#${fixture.highlights.convoy.uid})`,
      ].join('\n\n') + '\n',
    );
  });

  it('lists a document’s live highlights in reading order with colour, comment and actors, orphans apart', () => {
    const { content } = documentMarkdownFile(t.library, fixture.fieldNotes.id);
    expect(content).toBe(
      [
        '# Field notes from Gao',
        `- File: field-notes.md\n- Imported: ${fixture.fieldNotes.importedAt.slice(0, 10)}`,
        '## Highlights (1)',
        '> heading north towards Kidal',
        '- Colour: Green\n- Actors: @AQIM, @Mokhtar Belmokhtar',
        '## Orphaned highlights (1)',
        '_These passages are no longer found in the current version of the document._',
        '> A commander of AQIM said the roads were',
        '- Colour: Purple\n- Actors: @AQIM\n- Comment: Unverified',
      ].join('\n\n') + '\n',
    );
    const article = documentMarkdownFile(t.library, fixture.article.id).content;
    expect(article.indexOf('According to a document found in Timbuktu')).toBeLessThan(article.indexOf('found in Timbuktu entitled'));
    expect(article).toContain('- Comment: Key source, "General instructions";\\\n  see also Wadoud.');
    expect(article).not.toContain('persecuted women'); // deleted highlight
    expect(article).toContain('- Actors: @AQIM, @Mali');
  });

  it('writes an actor’s file with aliases, passages by document, notes and co-occurring actors', () => {
    const { fileName, content } = actorMarkdownFile(t.library, fixture.aqim.id);
    expect(fileName).toBe('AQIM.md');
    expect(content).toContain('# AQIM\n\n- Kind: Group\n- Also known as: Al-Qaeda in the Islamic Maghreb\n\nJihadist group "active" in the Sahel.\\\nFormerly GSPC.');
    expect(content).toContain('## Passages (4)');
    expect(content.indexOf(`### ${fixture.article.title}`)).toBeLessThan(content.indexOf('### Field notes from Gao'));
    expect(content).toContain(`> — [Field notes from Gao](fieldbook://document/${fixture.fieldNotes.uid}#${fixture.highlights.convoy.uid}) (Green)`);
    // The link names the file the vault gives the note, so pasted into that vault it resolves.
    expect(content).toContain('## Notes mentioning AQIM (1)\n\n- [[Reading notes Mali Sahel|Reading notes: Mali/Sahel?]]');
    expect(content).toContain('## Appears with\n\n- @Mali (1 passage)\n- @Mokhtar Belmokhtar (1 passage)');
  });
});

describe('plain text in Markdown exports', () => {
  /** What a reader sees: the text of the HTML a CommonMark viewer makes of the Markdown. */
  const shown = (markdown: string) => {
    const { document } = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window;
    for (const br of document.querySelectorAll('br')) br.replaceWith('\n');
    return document.body;
  };
  const linesOf = (element: Element) => element.textContent!.split(/\n+/).filter((line) => line.length > 0);

  it('shows each line as written, never as a heading, rule or list, and with no stray backslash', () => {
    const lines = ['## Not a heading', 'Intro', '===', 'more', '---', '#tag', '1. not a list', '2) nor this', '+ plus', 'C# and F# #'];
    const paragraphText = lines.join('\n');
    for (const markdown of [plainTextLines(paragraphText), blockQuote(plainTextLines(paragraphText))]) {
      const page = shown(markdown);
      expect(page.querySelectorAll('h1, h2, h3, h4, h5, h6, hr, ol, ul').length, markdown).toBe(0);
      expect(linesOf(page), markdown).toEqual(lines);
    }
    const note = noteToMarkdown(
      { title: 'Sharp C# #', body: body(paragraph(...lines.flatMap((line) => [text(line), { type: 'linebreak', version: 1 }])), { type: 'heading', tag: 'h2', version: 1, children: [text('Notes on C# #')] }) },
      standaloneLinker({ notes: new Map(), actors: new Map(), documents: new Map(), highlights: new Map() }),
    );
    const page = shown(note);
    expect([...page.querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual(['Sharp C# #', 'Notes on C# #']);
    expect(page.querySelectorAll('h3, h4, h5, h6, hr, ol, ul').length).toBe(0);
    expect(linesOf(page.querySelector('p')!)).toEqual(lines);
  });
});
