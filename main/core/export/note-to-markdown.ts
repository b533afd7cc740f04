import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import { blockQuote, codeFence, codeSpan, escapeMarkdown, fieldbookUrl, headingText, isLiveInlineCode, keepClosingHashes, markdownLink, plainTextLines, safeLinkUrl, wikilink } from './markdown-text';
import { safeFileName } from './safe-file-name';
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
    note: (id, savedTitle) => standaloneWikilink(names.notes.get(id ?? 0)?.title ?? savedTitle),
    actor: (id, savedName) => escapeMarkdown(`@${names.actors.get(id ?? 0)?.name ?? savedName}`),
    quoteSource: (highlightId, documentId, savedTitle) => {
      const highlight = names.highlights.get(highlightId ?? 0);
      const document = names.documents.get(highlight?.documentId ?? documentId ?? 0);
      const title = document?.title ?? savedTitle;
      if (!document) return escapeMarkdown(title || 'Unknown document');
      return markdownLink(title, fieldbookUrl('document', document.uid, highlight?.uid));
    },
  };
}

/** `[[Title]]` as the vault would name the note's file, so pasted into a vault it finds that file. */
export const standaloneWikilink = (title: string) => wikilink(safeFileName(title), title.trim() || 'Untitled');

export function noteToMarkdown(note: { title: string; body: { root: LexicalNode } }, linker: MarkdownLinker): string {
  const title = note.title.trim() || 'Untitled';
  const blocks = [`# ${headingText(title)}`, ...renderBlocks(childrenOf(note.body.root), linker)];
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
      const text = renderInline(childrenOf(node), linker).replace(/\\?\n/g, ' ');
      return text.trim() ? `${'#'.repeat(Number(level))} ${keepClosingHashes(text.trim())}` : '';
    }
    case 'quote':
      return blockQuote(blockText(childrenOf(node), linker));
    case 'list':
      return renderList(node, linker, '');
    case 'code': {
      // A fence keeps its text raw, so text an Obsidian plugin would run is written as plain lines.
      const code = codeText(node);
      return isLiveInlineCode(code) ? plainTextLines(code) : codeFence(code, typeof node.language === 'string' ? node.language : '');
    }
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
      return blockText(children, linker);
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
    const text = blockText(inline, linker).replace(/\n/g, `\n${indent}    `);
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

/** A block's inline Markdown. A line break at its very end would show as a stray backslash, so it goes. */
const blockText = (nodes: LexicalNode[], linker: MarkdownLinker): string => renderInline(nodes, linker).replace(/(?:\\\n)+$/, '');

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
        // Links that could run something (javascript:, data:, file:…) keep their words and lose the link.
        const url = typeof node.url === 'string' ? safeLinkUrl(node.url) : null;
        out += url ? markdownLink(plainText(childrenOf(node)), url) : renderInline(childrenOf(node), linker);
        break;
      }
      default:
        if (typeof node.text === 'string') out = joinText(out, formatText(node.text, typeof node.format === 'number' ? node.format : 0));
        else out = joinText(out, renderInline(childrenOf(node), linker));
    }
  }
  return out;
}

/**
 * Escaping each piece of text alone cannot see what two make together: `<` then `%` is a
 * Templater command, `%` then `%` an Obsidian comment. The seam gets the same escapes as inside.
 */
function joinText(left: string, right: string): string {
  if (!right.startsWith('%')) return left + right;
  if (left.endsWith('\\<')) return `${left.slice(0, -2)}&lt;${right}`;
  if (left.endsWith('%')) return `${left}\\${right}`;
  return left + right;
}

/** A link's words without their formatting (a link's text is written as plain text, see linkLabel). */
function plainText(nodes: LexicalNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'linebreak' || node.type === 'tab') text += ' ';
    else if (typeof node.text === 'string') text += node.text;
    else text += plainText(childrenOf(node));
  }
  return text;
}

/** Markers must touch the words they wrap, so surrounding spaces are moved outside them. */
function formatText(text: string, format: number): string {
  if (text.length === 0) return '';
  if ((format & CODE) !== 0 && !isLiveInlineCode(text)) return codeSpan(text);
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const [, lead, core, trail] = match as unknown as [string, string, string, string];
  if (core.length === 0) return text;
  let inner = escapeMarkdown(core);
  if (format & STRIKETHROUGH) inner = `~~${inner}~~`;
  if (format & ITALIC) inner = `*${inner}*`;
  if (format & BOLD) inner = `**${inner}**`;
  return `${lead}${inner}${trail}`;
}
