import { ACTOR_MENTION_NODE, BLOCK_NODES, fieldbookNode, foldNoteBody, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE, type NoteNode } from '../../common/note-format';
import { blockQuote, codeFence, codeSpan, escapeMarkdown, fieldbookUrl, headingText, isLiveInlineCode, keepClosingHashes, markdownLink, plainTextLines, safeLinkUrl, wikilink } from './markdown-text';
import { safeFileName } from './safe-file-name';
import { targetOf as get, type ReferenceTargets } from '../notes/reference-targets';

/** How links inside a note are written: the vault links files, a single export links back into Fieldbook. Targets are named by uid. */
export interface MarkdownLinker {
  note(uid: string | null, savedTitle: string): string;
  actor(uid: string | null, savedName: string): string;
  /** The attribution under a quoted highlight, after the "— ". */
  quoteSource(highlightUid: string | null, documentUid: string | null, savedTitle: string): string;
}

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const CODE = 16;

/** Links for a note exported on its own: `[[Title]]`, `@Name`, and fieldbook:// links back to passages. */
export function standaloneLinker(names: ReferenceTargets): MarkdownLinker {
  return {
    note: (uid, savedTitle) => standaloneWikilink(get(names.notes, uid)?.title ?? savedTitle),
    actor: (uid, savedName) => escapeMarkdown(`@${get(names.actors, uid)?.name ?? savedName}`),
    quoteSource: (highlightUid, documentUid, savedTitle) => {
      const highlight = get(names.highlights, highlightUid);
      const document = get(names.documents, highlight?.documentUid ?? documentUid);
      const title = document?.title ?? savedTitle;
      if (!document) return escapeMarkdown(title || 'Unknown document');
      return markdownLink(title, fieldbookUrl('document', document.uid, highlight?.uid));
    },
  };
}

/** `[[Title]]` as the vault would name the note's file, so pasted into a vault it finds that file. */
export const standaloneWikilink = (title: string) => wikilink(safeFileName(title), title.trim() || 'Untitled');

export function noteToMarkdown(note: { title: string; body: { root: NoteNode } }, linker: MarkdownLinker): string {
  const title = note.title.trim() || 'Untitled';
  const root = foldNoteBody(note.body.root, (node, children: MarkdownPiece[]) => markdownPiece(node, children, linker));
  const blocks = [`# ${headingText(title)}`, ...blocksOf(root?.children ?? [])];
  return `${blocks.join('\n\n')}\n`;
}

/**
 * A node of the note as Markdown, made from its children's pieces on the one walk over the body:
 * each way a node may be written (as a block, inside a line, as a list's lines, as a link's
 * plain words, as code) is ready for whichever its parent needs.
 */
interface MarkdownPiece {
  node: NoteNode;
  children: MarkdownPiece[];
  block: string;
  /** Inside a line; `seam` when it is text, whose first character may combine with what comes before (see joinText). */
  inline: string;
  seam: boolean;
  plain: string;
  code: string;
  /** A list's lines at no indent (a nested list is indented as it is placed). */
  list: string;
}

function markdownPiece(node: NoteNode, children: MarkdownPiece[], linker: MarkdownLinker): MarkdownPiece {
  const ours = fieldbookNode(node);
  const piece: MarkdownPiece = { node, children, block: '', inline: '', seam: false, plain: '', code: '', list: '' };
  if (ours?.type === NOTE_LINK_NODE) piece.inline = linker.note(ours.noteUid, ours.title);
  else if (ours?.type === ACTOR_MENTION_NODE) piece.inline = linker.actor(ours.actorUid, ours.name);
  else if (node.type === 'linebreak') piece.inline = '\\\n';
  else if (node.type === 'tab') piece.inline = '\t';
  else if (node.type === 'link' || node.type === 'autolink') {
    // Links that could run something (javascript:, data:, file:…) keep their words and lose the link.
    const url = typeof node.url === 'string' ? safeLinkUrl(node.url) : null;
    piece.inline = url ? markdownLink(plainOf(children), url) : inlineOf(children);
  } else {
    piece.seam = true;
    piece.inline = typeof node.text === 'string' ? formatText(node.text, typeof node.format === 'number' ? node.format : 0) : inlineOf(children);
  }
  piece.plain = node.type === 'linebreak' || node.type === 'tab' ? ' ' : typeof node.text === 'string' ? node.text : plainOf(children);
  piece.code = node.type === 'linebreak' ? '\n' : node.type === 'tab' ? '\t' : typeof node.text === 'string' ? node.text : codeOf(children);
  if (node.type === 'list') piece.list = listLines(node, children);
  piece.block = blockOf(node, children, piece.list, linker);
  return piece;
}

/** Blocks with something in them; an empty paragraph writes nothing. */
const blocksOf = (pieces: MarkdownPiece[]): string[] => pieces.map((piece) => piece.block).filter((block) => block.trim().length > 0);

function blockOf(node: NoteNode, children: MarkdownPiece[], list: string, linker: MarkdownLinker): string {
  switch (node.type) {
    case 'heading': {
      const level = /^h([1-6])$/.exec(String(node.tag))?.[1] ?? '2';
      const text = inlineOf(children).replace(/\\?\n/g, ' ');
      return text.trim() ? `${'#'.repeat(Number(level))} ${keepClosingHashes(text.trim())}` : '';
    }
    case 'quote':
      return blockQuote(blockText(children));
    case 'list':
      return list;
    case 'code': {
      // A fence keeps its text raw, so text an Obsidian plugin would run is written as plain lines.
      const code = codeOf(children);
      return isLiveInlineCode(code) ? plainTextLines(code) : codeFence(code, typeof node.language === 'string' ? node.language : '');
    }
    case 'horizontalrule':
      return '---';
    case HIGHLIGHT_QUOTE_NODE: {
      const quote = fieldbookNode(node);
      if (quote?.type !== HIGHLIGHT_QUOTE_NODE) return '';
      const source = linker.quoteSource(quote.highlightUid, quote.documentUid, quote.documentTitle);
      return blockQuote(`${plainTextLines(quote.quote)}\n\n— ${source}`);
    }
    default:
      // Paragraphs, and any block this exporter does not know, keep their words.
      if (children.some((c) => isBlockNode(c.node))) return blocksOf(children).join('\n\n');
      return blockText(children);
  }
}

const isBlockNode = (node: NoteNode) => typeof node.type === 'string' && BLOCK_NODES.has(node.type);

/** A list's lines at no indent: `renderList(list, indent)` is these lines, each not empty, after `indent`. */
function listLines(list: NoteNode, items: MarkdownPiece[]): string {
  const lines: string[] = [];
  let number = typeof list.start === 'number' && Number.isInteger(list.start) ? list.start : 1;
  for (const item of items) {
    // Lexical nests a sub-list as the only child of an otherwise empty list item.
    const nested = item.children.filter((c) => c.node.type === 'list');
    const inline = item.children.filter((c) => c.node.type !== 'list');
    if (nested.length > 0 && inline.length === 0) {
      for (const sub of nested) lines.push(indented(sub.list));
      continue;
    }
    const marker =
      list.listType === 'number' ? `${number++}.` : list.listType === 'check' ? (item.node.checked === true ? '- [x]' : '- [ ]') : '-';
    const text = blockText(inline).replace(/\n/g, '\n    ');
    lines.push(`${marker} ${text}`.trimEnd());
    for (const sub of nested) lines.push(indented(sub.list));
  }
  return lines.join('\n');
}

/** A nested list's lines, one level further in (split on \n alone: a regex's ^ would also start a line after U+2028). */
const indented = (lines: string): string =>
  lines
    .split('\n')
    .map((line) => (line.length > 0 ? `    ${line}` : line))
    .join('\n');

const codeOf = (pieces: MarkdownPiece[]): string => pieces.map((piece) => piece.code).join('');

/** A link's words without their formatting (a link's text is written as plain text, see linkLabel). */
const plainOf = (pieces: MarkdownPiece[]): string => pieces.map((piece) => piece.plain).join('');

/** A block's inline Markdown. A line break at its very end would show as a stray backslash, so it goes. */
const blockText = (pieces: MarkdownPiece[]): string => inlineOf(pieces).replace(/(?:\\\n)+$/, '');

function inlineOf(pieces: MarkdownPiece[]): string {
  let out = '';
  for (const piece of pieces) out = piece.seam ? joinText(out, piece.inline) : out + piece.inline;
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
