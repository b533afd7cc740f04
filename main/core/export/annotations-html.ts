import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import type { Actor, Highlight } from '../../common/records';
import type { AnnotatedDocument } from './export-data';
import { colourName } from './markdown-text';
import { childrenOf, idOf, type LexicalNode, type ReferenceNames } from './note-references';

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

export function noteToHtml(note: { title: string; body: { root: LexicalNode } }, names: ReferenceNames): string {
  const title = note.title.trim() || 'Untitled';
  return page(title, `<article>\n<h1>${escapeHtml(title)}</h1>\n${blocksHtml(childrenOf(note.body.root), names)}\n</article>`);
}

function blocksHtml(nodes: LexicalNode[], names: ReferenceNames): string {
  return nodes.map((node) => blockHtml(node, names)).filter((html) => html.length > 0).join('\n');
}

function blockHtml(node: LexicalNode, names: ReferenceNames): string {
  switch (node.type) {
    case 'heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
      return `<${tag}>${inlineHtml(childrenOf(node), names)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(childrenOf(node), names)}</blockquote>`;
    case 'list':
      return listHtml(node, names);
    case 'code': {
      let text = '';
      const walk = (n: LexicalNode) => {
        for (const c of childrenOf(n)) {
          if (c.type === 'linebreak') text += '\n';
          else if (c.type === 'tab') text += '\t';
          else if (typeof c.text === 'string') text += c.text;
          else walk(c);
        }
      };
      walk(node);
      return `<pre><code>${escapeHtml(text)}</code></pre>`;
    }
    case 'horizontalrule':
      return '<hr>';
    case HIGHLIGHT_QUOTE_NODE: {
      const highlight = names.highlights.get(idOf(node.highlightId) ?? 0);
      const document = names.documents.get(highlight?.documentId ?? idOf(node.documentId) ?? 0);
      const title = document?.title ?? (typeof node.documentTitle === 'string' ? node.documentTitle : '');
      const quote = typeof node.quote === 'string' ? node.quote : '';
      return `<blockquote class="passage"><p>${multiline(quote)}</p><p class="attribution">— ${escapeHtml(title || 'Unknown document')}</p></blockquote>`;
    }
    default: {
      const children = childrenOf(node);
      if (children.some((c) => c.type === 'paragraph' || c.type === 'list' || c.type === 'heading')) return blocksHtml(children, names);
      const inner = inlineHtml(children, names);
      return inner.trim().length > 0 ? `<p>${inner}</p>` : '';
    }
  }
}

function listHtml(list: LexicalNode, names: ReferenceNames): string {
  const ordered = list.listType === 'number';
  const check = list.listType === 'check';
  const start = ordered && typeof list.start === 'number' && list.start !== 1 ? ` start="${Math.trunc(list.start)}"` : '';
  const items = childrenOf(list).map((item) => {
    const children = childrenOf(item);
    const nested = children.filter((c) => c.type === 'list').map((c) => listHtml(c, names)).join('');
    const inline = inlineHtml(children.filter((c) => c.type !== 'list'), names);
    const box = check ? (item.checked === true ? '☑ ' : '☐ ') : '';
    return `<li>${box}${inline}${nested}</li>`;
  });
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}${check ? ' class="check"' : ''}${start}>${items.join('')}</${tag}>`;
}

function inlineHtml(nodes: LexicalNode[], names: ReferenceNames): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'linebreak':
        out += '<br>';
        break;
      case 'tab':
        out += '\t';
        break;
      case NOTE_LINK_NODE: {
        const title = names.notes.get(idOf(node.noteId) ?? 0)?.title ?? (typeof node.title === 'string' ? node.title : '');
        out += `<span class="note-link">${escapeHtml(title.trim() || 'Untitled')}</span>`;
        break;
      }
      case ACTOR_MENTION_NODE: {
        const name = names.actors.get(idOf(node.actorId) ?? 0)?.name ?? (typeof node.name === 'string' ? node.name : '');
        out += `<span class="mention">@${escapeHtml(name)}</span>`;
        break;
      }
      case 'link':
      case 'autolink': {
        const href = typeof node.url === 'string' ? safeHref(node.url) : null;
        const label = inlineHtml(childrenOf(node), names);
        out += href ? `<a href="${href}">${label}</a>` : label;
        break;
      }
      default:
        if (typeof node.text === 'string') out += formatHtml(node.text, typeof node.format === 'number' ? node.format : 0);
        else out += inlineHtml(childrenOf(node), names);
    }
  }
  return out;
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
export function documentAnnotationsHtml({ document, highlights }: AnnotatedDocument, actors: Map<number, Pick<Actor, 'id' | 'name'>>): string {
  const meta: string[] = [];
  if (document.byline) meta.push(`<li>By ${escapeHtml(document.byline)}</li>`);
  if (document.sourceUrl) {
    const href = safeHref(document.sourceUrl);
    meta.push(`<li>Source: ${href ? `<a href="${href}">${escapeHtml(document.sourceUrl)}</a>` : escapeHtml(document.sourceUrl)}</li>`);
  }
  if (document.fileName) meta.push(`<li>File: ${escapeHtml(document.fileName)}</li>`);
  meta.push(`<li>Imported ${escapeHtml(document.importedAt.slice(0, 10))}</li>`);
  const placed = highlights.filter((h) => h.status !== 'orphaned');
  const orphans = highlights.filter((h) => h.status === 'orphaned');
  const section = (heading: string, list: Highlight[], note = '') =>
    `<section>\n<h2>${heading}</h2>\n${note}${list.length === 0 ? '<p><em>No highlights.</em></p>' : list.map((h) => passageHtml(h, actors)).join('\n')}\n</section>`;
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

function passageHtml(highlight: Highlight, actors: Map<number, Pick<Actor, 'id' | 'name'>>): string {
  const details = [`${escapeHtml(colourName(highlight.colour))}${highlight.status === 'approximate' ? ' (re-anchored approximately)' : ''}`];
  const tagged = highlight.actorIds.map((id) => actors.get(id)?.name).filter((n): n is string => n !== undefined);
  if (tagged.length > 0) details.push(`Actors: ${tagged.map((n) => `<span class="mention">${escapeHtml(n)}</span>`).join(', ')}`);
  const comment = highlight.comment.trim() ? `<div class="comment">${escapeHtml(highlight.comment.trim())}</div>` : '';
  return `<blockquote class="passage" style="border-left-color: ${HIGHLIGHT_TINTS[highlight.colour] ?? '#999999'}"><p>${multiline(highlight.exact)}</p></blockquote>
<div class="details">${details.join(' · ')}${comment}</div>`;
}
