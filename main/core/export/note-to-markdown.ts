import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../api';
import { blockQuote, codeFence, codeSpan, escapeMarkdown, fieldbookUrl, linkDestination, plainTextLines } from './markdown-text';
import { childrenOf, idOf, type LexicalNode, type ReferenceNames } from './note-references';

/** How links inside a note are written: the vault links files, a single export links back into Fieldbook. */
export interface MarkdownLinker {
  note(id: number | null, savedTitle: string): string;
  actor(id: number | null, savedName: string): string;
  /** The attribution under a quoted highlight, after the "— ". */
  quoteSource(highlightId: number | null, documentId: number | null, savedTitle: string): string;
}

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const CODE = 16;

/** Links for a note exported on its own: `[[Title]]`, `@Name`, and fieldbook:// links back to passages. */
export function standaloneLinker(names: ReferenceNames): MarkdownLinker {
  return {
    note: (id, savedTitle) => `[[${wikiText(names.notes.get(id ?? 0)?.title ?? savedTitle)}]]`,
    actor: (id, savedName) => escapeMarkdown(`@${names.actors.get(id ?? 0)?.name ?? savedName}`),
    quoteSource: (highlightId, documentId, savedTitle) => {
      const highlight = names.highlights.get(highlightId ?? 0);
      const document = names.documents.get(highlight?.documentId ?? documentId ?? 0);
      const title = document?.title ?? savedTitle;
      if (!document) return escapeMarkdown(title || 'Unknown document');
      const url = fieldbookUrl('document', document.uid, highlight?.uid);
      return `[${escapeMarkdown(title)}](${linkDestination(url)})`;
    },
  };
}

const wikiText = (title: string) => (title.trim() || 'Untitled').replace(/[[\]|\n\r]/g, ' ');

export function noteToMarkdown(note: { title: string; body: { root: LexicalNode } }, linker: MarkdownLinker): string {
  const title = note.title.trim() || 'Untitled';
  const blocks = [`# ${escapeMarkdown(title)}`, ...renderBlocks(childrenOf(note.body.root), linker)];
  return `${blocks.join('\n\n')}\n`;
}

export function renderBlocks(nodes: LexicalNode[], linker: MarkdownLinker): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const block = renderBlock(node, linker);
    if (block.trim().length > 0) out.push(block);
  }
  return out;
}

function renderBlock(node: LexicalNode, linker: MarkdownLinker): string {
  switch (node.type) {
    case 'heading': {
      const level = /^h([1-6])$/.exec(String(node.tag))?.[1] ?? '2';
      const text = renderInline(childrenOf(node), linker).replace(/\\\n/g, ' ');
      return text.trim() ? `${'#'.repeat(Number(level))} ${text.trim()}` : '';
    }
    case 'quote':
      return blockQuote(renderInline(childrenOf(node), linker));
    case 'list':
      return renderList(node, linker, '');
    case 'code':
      return codeFence(codeText(node), typeof node.language === 'string' ? node.language : '');
    case 'horizontalrule':
      return '---';
    case HIGHLIGHT_QUOTE_NODE: {
      const quote = typeof node.quote === 'string' ? node.quote : '';
      const source = linker.quoteSource(idOf(node.highlightId), idOf(node.documentId), typeof node.documentTitle === 'string' ? node.documentTitle : '');
      return blockQuote(`${plainTextLines(quote)}\n\n— ${source}`);
    }
    default: {
      // Paragraphs, and any block this exporter does not know, keep their words.
      const children = childrenOf(node);
      if (children.some(isBlockNode)) return renderBlocks(children, linker).join('\n\n');
      return renderInline(children, linker);
    }
  }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'code', 'horizontalrule', HIGHLIGHT_QUOTE_NODE]);
const isBlockNode = (node: LexicalNode) => typeof node.type === 'string' && BLOCK_TYPES.has(node.type);

function renderList(list: LexicalNode, linker: MarkdownLinker, indent: string): string {
  const lines: string[] = [];
  let number = typeof list.start === 'number' && Number.isInteger(list.start) ? list.start : 1;
  for (const item of childrenOf(list)) {
    const children = childrenOf(item);
    // Lexical nests a sub-list as the only child of an otherwise empty list item.
    const nested = children.filter((c) => c.type === 'list');
    const inline = children.filter((c) => c.type !== 'list');
    if (nested.length > 0 && inline.length === 0) {
      for (const sub of nested) lines.push(renderList(sub, linker, `${indent}    `));
      continue;
    }
    const marker =
      list.listType === 'number' ? `${number++}.` : list.listType === 'check' ? (item.checked === true ? '- [x]' : '- [ ]') : '-';
    const text = renderInline(inline, linker).replace(/\n/g, `\n${indent}    `);
    lines.push(`${indent}${marker} ${text}`.trimEnd());
    for (const sub of nested) lines.push(renderList(sub, linker, `${indent}    `));
  }
  return lines.join('\n');
}

function codeText(node: LexicalNode): string {
  let text = '';
  for (const child of childrenOf(node)) {
    if (child.type === 'linebreak') text += '\n';
    else if (child.type === 'tab') text += '\t';
    else if (typeof child.text === 'string') text += child.text;
    else text += codeText(child);
  }
  return text;
}

export function renderInline(nodes: LexicalNode[], linker: MarkdownLinker): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'linebreak':
        out += '\\\n';
        break;
      case 'tab':
        out += '\t';
        break;
      case NOTE_LINK_NODE:
        out += linker.note(idOf(node.noteId), typeof node.title === 'string' ? node.title : '');
        break;
      case ACTOR_MENTION_NODE:
        out += linker.actor(idOf(node.actorId), typeof node.name === 'string' ? node.name : '');
        break;
      case 'link':
      case 'autolink': {
        const label = renderInline(childrenOf(node), linker);
        const url = typeof node.url === 'string' ? node.url : '';
        out += /^(https?:|mailto:|fieldbook:)/i.test(url) ? `[${label}](${linkDestination(url)})` : label;
        break;
      }
      default:
        if (typeof node.text === 'string') out += formatText(node.text, typeof node.format === 'number' ? node.format : 0);
        else out += renderInline(childrenOf(node), linker);
    }
  }
  return out;
}

/** Markers must touch the words they wrap, so surrounding spaces are moved outside them. */
function formatText(text: string, format: number): string {
  if (text.length === 0) return '';
  if (format & CODE) return codeSpan(text);
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const [, lead, core, trail] = match as unknown as [string, string, string, string];
  if (core.length === 0) return text;
  let inner = escapeMarkdown(core);
  if (format & STRIKETHROUGH) inner = `~~${inner}~~`;
  if (format & ITALIC) inner = `*${inner}*`;
  if (format & BOLD) inner = `**${inner}**`;
  return `${lead}${inner}${trail}`;
}
