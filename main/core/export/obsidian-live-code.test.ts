import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { actorMarkdownFile, documentMarkdownFile, noteMarkdownFile, obsidianVaultFolder } from './export-files';
import { noteToMarkdown, standaloneLinker } from './note-to-markdown';
import { body, paragraph, tempLibrary, text } from '../../testing/populated-library';
import type { NoteNode } from '../../common/note-format';
import { markdownTokens } from '../../testing/markdown-tokens';

/**
 * Obsidian plugins run some code found in a note: Dataview evaluates inline code that starts with
 * `=` (a query, on by default) or `$=` (JavaScript), and whole code blocks tagged `dataview` or
 * `dataviewjs`; Templater, set to process new files, runs every `<% … %>` in a file's raw text,
 * backslash or code span around it or not. An export's text is data: no plugin may find code in it.
 */
const CODE = 16;
const noNames = { notes: new Map(), actors: new Map(), documents: new Map(), highlights: new Map() };
const codeBlock = (language: string, code: string) => ({ type: 'code', version: 1, language, children: [text(code)] });

const render = (...children: unknown[]) =>
  noteToMarkdown({ title: 'Live code', body: body(...children) as { root: NoteNode } }, standaloneLinker(noNames));

describe('code in a note exported to Markdown', () => {
  it('is never inline code that Dataview would evaluate, and keeps its words', () => {
    const queries = ['$= dv.el("img", "", { attr: { src: "http://127.0.0.1:4399/c.png" } })', '= this.file.name', '  $=app.vault.adapter.remove("x")', '=[[Secret]].text'];
    const markdown = render(...queries.map((q) => paragraph(text('see '), text(q, CODE))), paragraph(text('f(x) = 1', CODE)));
    const spans = [...markdownTokens(markdown)].filter((t): t is Tokens.Codespan => t.type === 'codespan');
    expect(spans.map((s) => s.text)).toEqual(['f(x) = 1']);
    const shown = new Lexer({ gfm: true }).lex(markdown).map((t) => ('text' in t ? t.text : '')).join('\n');
    for (const query of queries) expect(markdown.replace(/\\(.)/g, '$1')).toContain(query.trim());
    expect(shown).toContain('see');
  });

  it('finds none in what two pieces of text make together, as a note restored from anywhere may split them', () => {
    const markdown = render(paragraph(text('x <'), text('%* app.vault.adapter.remove("a.md") %>'), text(' 50%'), text('% hides this %'), text('%')));
    expect(markdown).not.toContain('<%');
    expect(markdown).not.toContain('%%');
    expect(markdown.replace(/&lt;/g, '<').replace(/\\(.)/g, '$1')).toContain('x <%* app.vault.adapter.remove("a.md") %> 50%% hides this %%');
  });

  it('keeps a code block’s language only when it names a language to read, not a plugin to run', () => {
    const markdown = render(codeBlock('dataviewjs', 'dv.paragraph(1)'), codeBlock('DataView', 'LIST FROM ""'), codeBlock('python', 'print(1)'), codeBlock('tasks', 'not done'));
    const blocks = [...markdownTokens(markdown)].filter((t): t is Tokens.Code => t.type === 'code');
    expect(blocks.map((b) => [b.lang ?? '', b.text])).toEqual([
      ['', 'dv.paragraph(1)'],
      ['', 'LIST FROM ""'],
      ['python', 'print(1)'],
      ['', 'not done'],
    ]);
  });
});

describe('a library whose text holds Templater commands', () => {
  it('exports them, in every Markdown file, with words intact but no `<%` left for Templater to run', () => {
    const command = '<%* await app.vault.adapter.remove("Journal/a.md") %>';
    const t = tempLibrary('fieldbook-live-code-');
    try {
      const [imported] = t.call('documents.import', {
        files: [{ name: `${command}.md`, base64: Buffer.from(`# Plans ${command}\n\nThe order was ${command} given at dawn.\n`).toString('base64') }],
      });
      if (imported?.status !== 'imported') throw new Error('not imported');
      const document = t.call('documents.get', { id: imported.document.id });
      const start = document.text.indexOf('<%*');
      const highlight = t.call('highlights.create', { documentId: document.id, start, end: start + command.length, colour: 'red', comment: command });
      const actor = t.call('actors.create', { name: `Unit ${command}`, kind: 'group', aliases: [command], description: command });
      t.call('highlights.tag', { highlightId: highlight.id, actorId: actor.id });
      const note = t.call('notes.create', { title: `Note ${command}` });
      t.call('notes.save', { id: note.id, title: `Note ${command}`, body: body(paragraph(text(command), text(command, 1), text(command, 16)), codeBlock('js', command)) });

      const files = [
        ...obsidianVaultFolder(t.library).files.map((f) => [f.path, f.content] as const),
        ['note', noteMarkdownFile(t.library, note.id).content],
        ['document', documentMarkdownFile(t.library, document.id).content],
        ['actor', actorMarkdownFile(t.library, actor.id).content],
      ] as const;
      for (const [where, content] of files) {
        expect(content, where).not.toContain('<%');
        expect([...markdownTokens(content)].filter((t) => t.type === 'html').map((t) => t.raw), where).toEqual([]);
      }
      // A viewer still shows the words as they were written.
      const shownNote = files.find(([where]) => where === 'note')![1].replace(/&lt;/g, '<').replace(/\\(.)/g, '$1');
      expect(shownNote.split(command).length - 1, shownNote).toBe(5);
    } finally {
      t.cleanup();
    }
  });
});
