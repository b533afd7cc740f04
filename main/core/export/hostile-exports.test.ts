import { JSDOM } from 'jsdom';
import type { Tokens } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import {
  actorMarkdownFile,
  documentHtmlFile,
  documentMarkdownFile,
  highlightsCsvFile,
  noteHtmlFile,
  noteMarkdownFile,
  obsidianVaultFolder,
  webAnnotationsFile,
} from './export-files';
import { body, paragraph, tempLibrary, text, type TempLibrary } from '../../testing/populated-library';
import { markdownTokens } from '../../testing/markdown-tokens';

/**
 * Every export fed a library full of hostile strings. Whatever opens the export (a Markdown
 * viewer, Obsidian, a browser, a spreadsheet) must find nothing that runs or fetches, and no link
 * other than the ones the user made, going where they said.
 */
const CANARY = 'http://127.0.0.1:4399';
const HOSTILE = [
  `a](${CANARY}/a.png) ![x](${CANARY}/b.png)`,
  `x\n[evil](javascript:alert(1))\n![y](${CANARY}/nl.png)`,
  `<script>alert(1)</script><img src=${CANARY}/c.png onerror=alert(1)>`,
  'javascript:alert(1)',
  'col|umn "quoted" `tick` ``` [[Wiki]] ![[embed.png]] ~~~',
  '😀 emoji שלום עולם \u202E RTL',
  "=cmd|' /C calc'!A0;+1,-2\t@3;=2",
  '&lt;img src=x&gt; &#60;script&#62; &amp;',
  '\n---\ntitle: x\n---\n',
  `[ref]: ${CANARY}/ref.png`,
  `<${CANARY}/angle.png> <a href="${CANARY}/tag">t</a>`,
  '%%comment%% ==mark== $x$ <!-- c -->',
  `    indented ${CANARY}/code.png`,
];
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const HOSTILE_LINE = oneLine(HOSTILE.join(' '));

/** Link destinations a user may give; only the http, https and mailto ones may come out as links. */
const SAFE_URLS = [
  `https://example.org/a)![x](${CANARY}/canary.png`,
  `https://example.org/a b"c'd<e>f\`g|h[i]j\\k`,
  'mailto:someone@example.org?subject=)![x](http://127.0.0.1:4399/m.png)',
];
const UNSAFE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  `fieldbook://document/x)![y](${CANARY}/f.png)`,
];

let t: TempLibrary;
let ids: { document: number; unsafeDocument: number; note: number; actor: number };
beforeEach(() => {
  t = tempLibrary('fieldbook-hostile-');
  ids = buildHostileLibrary(t);
});
afterEach(() => t.cleanup());

function buildHostileLibrary(t: TempLibrary) {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const page = (url: string, extra = '') =>
    `<!DOCTYPE html><html><head><title>${escapeHtml(HOSTILE_LINE.slice(0, 400))}</title><link rel="canonical" href="${escapeHtml(url)}"></head>` +
    `<body><article><h1>${escapeHtml(HOSTILE_LINE.slice(0, 400))}</h1>${HOSTILE.map((s) => `<p>${escapeHtml(s)} and some ordinary words around it to read.</p>`).join('')}${extra}</article></body></html>`;
  const [imported, other] = t.call('documents.import', {
    files: [
      { name: 'hostile.html', base64: Buffer.from(page(SAFE_URLS[0]!)).toString('base64') },
      { name: 'other <b>.html', base64: Buffer.from(page('https://example.org/other', '<p>A second copy, with its own ending.</p>')).toString('base64') },
    ],
  });
  if (imported?.status !== 'imported' || other?.status !== 'imported') throw new Error(`hostile pages were not imported: ${JSON.stringify([imported, other])}`);
  // A row as a restored archive could carry it: the importer itself only keeps http(s) sources.
  t.library.db.prepare('UPDATE documents SET source_url = ? WHERE id = ?').run('javascript:alert(document.cookie)', other.document.id);

  const document = t.call('documents.get', { id: imported.document.id });
  const actor = t.call('actors.create', { name: oneLine(HOSTILE[0]!), kind: 'group', aliases: HOSTILE.map(oneLine).filter((s) => s.length > 0).map((s) => s.slice(0, 200)), description: HOSTILE.join('\n') });
  const highlights = HOSTILE.map((s) => oneLine(s)).map((phrase, n) => {
    const start = document.text.indexOf(phrase.slice(0, 20));
    if (start < 0) throw new Error(`not in the text: ${phrase}`);
    const created = t.call('highlights.create', { documentId: document.id, start, end: start + Math.min(phrase.length, 60), colour: 'red', comment: HOSTILE[(n + 1) % HOSTILE.length]! });
    t.call('highlights.tag', { highlightId: created.id, actorId: actor.id });
    return created;
  });
  const otherDocument = t.call('documents.get', { id: other.document.id });
  const start = otherDocument.text.indexOf('A second copy');
  t.call('highlights.create', { documentId: other.document.id, start, end: start + 13, colour: 'blue', comment: HOSTILE[2] });
  t.call('documents.replace', {
    id: other.document.id,
    file: { name: 'other.html', base64: Buffer.from('<html><body><p>Nothing left of the old text.</p></body></html>').toString('base64') },
  });

  const note = t.call('notes.create', { title: HOSTILE_LINE.slice(0, 500) });
  const link = (url: string) => ({ type: 'link', version: 1, url, children: [text(`label ${HOSTILE[0]}`)] });
  t.call('notes.save', {
    id: note.id,
    title: HOSTILE_LINE.slice(0, 500),
    body: body(
      ...HOSTILE.map((s) => paragraph(text(s), text(s, 1), text(s, 16))),
      paragraph(...[...SAFE_URLS, ...UNSAFE_URLS].map(link)),
      { type: 'heading', tag: 'h2', version: 1, children: [text(HOSTILE[1]!)] },
      { type: 'code', language: '```js\n<script>', version: 1, children: [text(HOSTILE.join('\n'))] },
      paragraph({ type: NOTE_LINK_NODE, version: 1, noteUid: 'no-such-note', title: HOSTILE_LINE }, { type: ACTOR_MENTION_NODE, version: 1, actorUid: actor.uid, name: HOSTILE[1] }),
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: highlights[0]!.uid, documentUid: document.uid, documentTitle: HOSTILE[1], quote: HOSTILE.join('\n') },
    ),
  });
  return { document: document.id, unsafeDocument: other.document.id, note: note.id, actor: actor.id };
}

/** What a Markdown viewer would fetch or follow: images and raw HTML are never wanted; links only the user's own. */
function assertSafeMarkdown(markdown: string, where: string): void {
  const fieldbookLink = /^fieldbook:\/\/document\/[0-9a-f-]{36}#[0-9a-f-]{36}$/;
  const decodedSafe = new Set(SAFE_URLS);
  let links = 0;
  for (const token of markdownTokens(markdown)) {
    expect(token.type, `${where}: ${token.raw}`).not.toBe('image');
    expect(token.type, `${where}: ${token.raw}`).not.toBe('html');
    if (token.type !== 'link') continue;
    const { href, text: label } = token as Tokens.Link;
    // A bare address in the text becomes a link in GFM viewers; that is fine when what it shows is where it goes.
    const visible = href === label || href === `http://${label}` || href === `mailto:${label}`;
    const intended = decodedSafe.has(decodeURI(href)) || fieldbookLink.test(href);
    expect(visible || intended, `${where}: link to ${href} (${token.raw})`).toBe(true);
    if (!visible) expect(href, where).toMatch(/^(https?:|mailto:|fieldbook:\/\/document\/)/);
    links++;
  }
  if (where.includes('note')) expect(links, `${where}: the user's own links survive`).toBeGreaterThanOrEqual(SAFE_URLS.length);
}

describe('exports of a library full of hostile strings', () => {
  it('Markdown (note, document, actor) holds no image, raw HTML or foreign link', () => {
    assertSafeMarkdown(noteMarkdownFile(t.library, ids.note).content, 'note');
    assertSafeMarkdown(documentMarkdownFile(t.library, ids.document).content, 'document');
    assertSafeMarkdown(documentMarkdownFile(t.library, ids.unsafeDocument).content, 'document with a javascript: source');
    assertSafeMarkdown(actorMarkdownFile(t.library, ids.actor).content, 'actor');
  });

  it('the Obsidian vault holds none either, front matter included', () => {
    for (const file of obsidianVaultFolder(t.library).files) assertSafeMarkdown(file.content, `vault ${file.path}`);
  });

  it('the Obsidian vault hides no text: no `%%` outside code opens a comment that would hide what follows', () => {
    const files = obsidianVaultFolder(t.library).files;
    for (const file of files) {
      let outsideCode = file.content;
      for (const token of markdownTokens(file.content)) {
        if (token.type === 'code' || token.type === 'codespan') outsideCode = outsideCode.replace(token.raw, '');
      }
      expect(outsideCode, file.path).not.toContain('%%');
    }
    const document = files.find((f) => f.path.startsWith('Documents/') && f.content.includes('comment'))!;
    expect(document.content.replace(/\\(.)/g, '$1')).toContain('%%comment%% ==mark==');
  });

  it('HTML holds no script, handler, fetched resource or unsafe link', () => {
    for (const [where, html] of [
      ['note', noteHtmlFile(t.library, ids.note).content],
      ['document', documentHtmlFile(t.library, ids.document).content],
      ['document with a javascript: source', documentHtmlFile(t.library, ids.unsafeDocument).content],
    ] as const) {
      const { document } = new JSDOM(html).window;
      expect(document.querySelectorAll('script, img, iframe, object, embed, link, base, form, svg, math, video, audio, source').length, where).toBe(0);
      expect(document.querySelectorAll('style').length, where).toBe(1);
      expect([...document.querySelectorAll('meta[http-equiv]')].map((m) => m.getAttribute('http-equiv')), where).toEqual(['Content-Security-Policy']);
      for (const element of document.querySelectorAll('*')) {
        for (const { name, value } of element.attributes) {
          expect(name, `${where}: <${element.tagName} ${name}="${value}">`).not.toMatch(/^on/i);
          if (name === 'href') expect(value, where).toMatch(/^(https?:|mailto:)/);
          if (name === 'style') expect(value, where).toMatch(/^border-left-color: #[0-9a-f]{6}$/);
        }
      }
      if (where !== 'document with a javascript: source') expect(document.body.textContent, where).toContain('<script>alert(1)</script>');
    }
  });

  it('W3C JSON-LD is valid JSON whose targets are web addresses or URNs, and orphans carry no stale position', () => {
    const collection = JSON.parse(webAnnotationsFile(t.library).content) as {
      first: { items: Array<{ target: { source: string; selector: Array<{ type: string }> }; 'fieldbook:anchorStatus': string }> };
    };
    const items = collection.first.items;
    expect(items.length).toBeGreaterThan(HOSTILE.length);
    for (const item of items) {
      expect(item.target.source).toMatch(/^(https?:\/\/|urn:uuid:)/);
      const types = item.target.selector.map((s) => s.type);
      expect(types).toEqual(item['fieldbook:anchorStatus'] === 'orphaned' ? ['TextQuoteSelector'] : ['TextQuoteSelector', 'TextPositionSelector']);
    }
  });

  it('CSV, split on comma, semicolon or tab as a spreadsheet may, has no field that starts a formula', () => {
    const csv = highlightsCsvFile(t.library, { kind: 'library' }, { bom: false }).content;
    expect(csv).toContain('=cmd');
    for (const separator of [',', ';', '\t']) {
      for (const line of csv.split(/\r\n|\n|\r/)) {
        for (const field of line.split(separator)) {
          expect(field.replace(/^"/, ''), `split on ${JSON.stringify(separator)}: ${line}`).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
        }
      }
    }
  });
});
