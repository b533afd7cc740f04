import { ACTOR_MENTION_NODE, BLOCK_NODES, fieldbookNode, foldNoteBody, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE, type NoteNode } from '../../common/note-format';
import type { Actor, Highlight } from '../../common/records';
import { areaCaptionIn, highlightCitation } from '../documents/document-parts';
import type { AnnotatedDocument } from './export-data';
import { documentDetailFacts, passageGradeFact, type CollectionNames } from './document-details-facts';
import { colourName } from './markdown-text';
import { targetOf, type ReferenceTargets } from '../notes/reference-targets';

/**
 * Self-contained HTML pages: one file, inline CSS, no scripts and nothing fetched from
 * anywhere, so it opens the same offline, in a mail attachment or printed. Every piece of
 * user text passes through escapeHtml.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const HIGHLIGHT_TINTS: Record<Highlight['colour'], string> = {
  yellow: '#f6e27a',
  red: '#f2a3a3',
  green: '#a9dcae',
  blue: '#a7c8ef',
  purple: '#cdb4ea',
};

const STYLE = `
  :root { color-scheme: light; }
  body { font: 16px/1.6 Georgia, "Times New Roman", serif; color: #1d1d1f; max-width: 42rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; }
  .meta { color: #555; font-size: .9rem; margin: 0 0 1.5rem; padding: 0; list-style: none; }
  blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid #999; background: #f7f7f5; }
  blockquote.passage { border-left-width: 6px; }
  .attribution { font-size: .9rem; color: #444; margin-top: .25rem; }
  .details { font-family: system-ui, sans-serif; font-size: .85rem; color: #444; margin: -.5rem 0 1.25rem 1.4rem; }
  .comment { white-space: pre-wrap; }
  .mention, .note-link { font-weight: 600; }
  code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; background: #f0f0ee; }
  pre { padding: .75rem; overflow-x: auto; white-space: pre-wrap; }
  ul.check { list-style: none; padding-left: 1.2rem; }
  hr { border: 0; border-top: 1px solid #ccc; margin: 2rem 0; }
  footer { margin-top: 3rem; color: #777; font-size: .8rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    blockquote { break-inside: avoid; background: none; }
    a { color: inherit; }
  }`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${body}
<footer>Exported from Fieldbook</footer>
</body>
</html>
`;
}

/** Links are kept only where following them cannot run anything. */
const safeHref = (url: string) => (/^(https?:|mailto:)/i.test(url.trim()) ? escapeHtml(url.trim()) : null);

export function noteToHtml(note: { title: string; body: { root: NoteNode } }, names: ReferenceTargets): string {
  const title = note.title.trim() || 'Untitled';
  const root = foldNoteBody(note.body.root, (node, children: HtmlPiece[]) => htmlPiece(node, children, names));
  return page(title, `<article>\n<h1>${escapeHtml(title)}</h1>\n${root ? blocksHtml(root.children) : ''}\n</article>`);
}

/**
 * A node of the note as HTML, made from its children's pieces on the one walk over the body:
 * each way a node may be written (as a block, inside a line, as a list, as code) is ready for
 * whichever its parent needs.
 */
interface HtmlPiece {
  node: NoteNode;
  children: HtmlPiece[];
  block: string;
  inline: string;
  list: string;
  code: string;
}

const blocksHtml = (pieces: HtmlPiece[]): string => pieces.map((piece) => piece.block).filter((html) => html.length > 0).join('\n');
const inlineHtml = (pieces: HtmlPiece[]): string => pieces.map((piece) => piece.inline).join('');

function htmlPiece(node: NoteNode, children: HtmlPiece[], names: ReferenceTargets): HtmlPiece {
  const piece = { node, children, inline: inlinePiece(node, children, names), list: '', code: '', block: '' };
  piece.code = node.type === 'linebreak' ? '\n' : node.type === 'tab' ? '\t' : typeof node.text === 'string' ? node.text : children.map((c) => c.code).join('');
  if (node.type === 'list') piece.list = listHtml(node, children);
  piece.block = blockHtml(node, children, piece.list, names);
  return piece;
}

function blockHtml(node: NoteNode, children: HtmlPiece[], list: string, names: ReferenceTargets): string {
  switch (node.type) {
    case 'heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
      return `<${tag}>${inlineHtml(children)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(children)}</blockquote>`;
    case 'list':
      return list;
    case 'code':
      return `<pre><code>${escapeHtml(children.map((c) => c.code).join(''))}</code></pre>`;
    case 'horizontalrule':
      return '<hr>';
    case HIGHLIGHT_QUOTE_NODE: {
      const passage = fieldbookNode(node);
      if (passage?.type !== HIGHLIGHT_QUOTE_NODE) return '';
      const highlight = targetOf(names.highlights, passage.highlightUid);
      const document = targetOf(names.documents, highlight?.documentUid ?? passage.documentUid);
      const title = document?.title ?? passage.documentTitle;
      return `<blockquote class="passage"><p>${multiline(passage.quote)}</p><p class="attribution">— ${escapeHtml(title || 'Unknown document')}</p></blockquote>`;
    }
    default: {
      // Paragraphs, and any block this exporter does not know, keep their words; blocks inside one stay blocks.
      if (children.some((c) => typeof c.node.type === 'string' && BLOCK_NODES.has(c.node.type))) return blocksHtml(children);
      const inner = inlineHtml(children);
      return inner.trim().length > 0 ? `<p>${inner}</p>` : '';
    }
  }
}

function listHtml(list: NoteNode, items: HtmlPiece[]): string {
  const ordered = list.listType === 'number';
  const check = list.listType === 'check';
  const start = ordered && typeof list.start === 'number' && list.start !== 1 ? ` start="${Math.trunc(list.start)}"` : '';
  const html = items.map((item) => {
    const nested = item.children.filter((c) => c.node.type === 'list').map((c) => c.list).join('');
    const inline = inlineHtml(item.children.filter((c) => c.node.type !== 'list'));
    const box = check ? (item.node.checked === true ? '☑ ' : '☐ ') : '';
    return `<li>${box}${inline}${nested}</li>`;
  });
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}${check ? ' class="check"' : ''}${start}>${html.join('')}</${tag}>`;
}

/** The node written inside a line of text. */
function inlinePiece(node: NoteNode, children: HtmlPiece[], names: ReferenceTargets): string {
  const ours = fieldbookNode(node);
  if (ours?.type === NOTE_LINK_NODE) {
    const title = targetOf(names.notes, ours.noteUid)?.title ?? ours.title;
    return `<span class="note-link">${escapeHtml(title.trim() || 'Untitled')}</span>`;
  }
  if (ours?.type === ACTOR_MENTION_NODE) {
    const name = targetOf(names.actors, ours.actorUid)?.name ?? ours.name;
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  switch (node.type) {
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'link':
    case 'autolink': {
      const href = typeof node.url === 'string' ? safeHref(node.url) : null;
      const label = inlineHtml(children);
      return href ? `<a href="${href}">${label}</a>` : label;
    }
    default:
      return typeof node.text === 'string' ? formatHtml(node.text, typeof node.format === 'number' ? node.format : 0) : inlineHtml(children);
  }
}

function formatHtml(text: string, format: number): string {
  let html = escapeHtml(text);
  if (format & 16) html = `<code>${html}</code>`;
  if (format & 4) html = `<s>${html}</s>`;
  if (format & 8) html = `<u>${html}</u>`;
  if (format & 2) html = `<em>${html}</em>`;
  if (format & 1) html = `<strong>${html}</strong>`;
  return html;
}

const multiline = (text: string) => escapeHtml(text).replace(/\r\n?|\n/g, '<br>');

/** A document's annotations as a page to read or print. */
export function documentAnnotationsHtml(
  { document, highlights, parts: documentParts = [] }: AnnotatedDocument,
  actors: Map<number, Pick<Actor, 'id' | 'name'>>,
  collections?: CollectionNames,
): string {
  const meta: string[] = [];
  for (const [label, value] of documentDetailFacts(document, collections)) meta.push(`<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`);
  if (document.sourceUrl) {
    const href = safeHref(document.sourceUrl);
    meta.push(`<li>Source: ${href ? `<a href="${href}">${escapeHtml(document.sourceUrl)}</a>` : escapeHtml(document.sourceUrl)}</li>`);
  }
  if (document.fileName) meta.push(`<li>File: ${escapeHtml(document.fileName)}</li>`);
  meta.push(`<li>Imported ${escapeHtml(document.importedAt.slice(0, 10))}</li>`);
  const placed = highlights.filter((h) => h.status !== 'orphaned');
  const orphans = highlights.filter((h) => h.status === 'orphaned');
  const section = (heading: string, list: Highlight[], note = '') =>
    `<section>\n<h2>${heading}</h2>\n${note}${list.length === 0 ? '<p><em>No highlights.</em></p>' : list.map((h) => passageHtml(h, actors, highlightCitation(documentParts, h), documentParts)).join('\n')}\n</section>`;
  const parts = [
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<ul class="meta">${meta.join('')}</ul>`,
    section(`Highlights (${placed.length})`, placed),
  ];
  if (orphans.length > 0) {
    parts.push(
      section(
        `Orphaned highlights (${orphans.length})`,
        orphans,
        '<p><em>These passages are no longer found in the current version of the document.</em></p>\n',
      ),
    );
  }
  return page(document.title, `<article>\n${parts.join('\n')}\n</article>`);
}

function passageHtml(highlight: Highlight, actors: Map<number, Pick<Actor, 'id' | 'name'>>, citation: string | null, parts: AnnotatedDocument['parts'] = []): string {
  const details = [`${escapeHtml(colourName(highlight.colour))}${highlight.status === 'approximate' ? ' (re-anchored approximately)' : ''}`];
  // Where the passage is in a PDF or EPUB, first, as a citation gives it: "p. 12", or the chapter.
  if (citation) details.unshift(`<cite>${escapeHtml(citation)}</cite>`);
  const tagged = highlight.actorIds.map((id) => actors.get(id)?.name).filter((n): n is string => n !== undefined);
  if (tagged.length > 0) details.push(`Actors: ${tagged.map((n) => `<span class="mention">${escapeHtml(n)}</span>`).join(', ')}`);
  const grade = passageGradeFact(highlight);
  if (grade !== null) details.push(`Grade: ${escapeHtml(grade)}`);
  const comment = highlight.comment.trim() ? `<div class="comment">${escapeHtml(highlight.comment.trim())}</div>` : '';
  // An area has no words to quote: it is named by its page, and its comment says what it shows.
  const shown = highlight.area ? `<em>${escapeHtml(areaCaptionIn(parts, highlight.area))}</em>` : multiline(highlight.exact);
  return `<blockquote class="passage" style="border-left-color: ${HIGHLIGHT_TINTS[highlight.colour] ?? '#999999'}"><p>${shown}</p></blockquote>
<div class="details">${details.join(' · ')}${comment}</div>`;
}
