import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../api';

export interface NoteLink {
  kind: 'note' | 'highlight' | 'actor' | 'document';
  id: number;
}

export interface NoteBodyReading {
  /** What search indexes: the words a reader sees, blocks on their own lines. */
  text: string;
  links: NoteLink[];
}

interface JsonNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

const BLOCKS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code', HIGHLIGHT_QUOTE_NODE]);

/** Reads a note's Lexical state for its plain text and the links it holds, in one walk. */
export function readNoteBody(body: { root: unknown }): NoteBodyReading {
  const lines: string[] = [];
  const links = new Map<string, NoteLink>();
  let line = '';
  const addLink = (kind: NoteLink['kind'], id: unknown) => {
    if (typeof id === 'number' && Number.isInteger(id) && id > 0) links.set(`${kind}:${id}`, { kind, id });
  };
  const endLine = () => {
    if (line.trim().length > 0) lines.push(line.trim());
    line = '';
  };
  const walk = (node: JsonNode) => {
    switch (node.type) {
      case NOTE_LINK_NODE:
        addLink('note', node.noteId);
        if (typeof node.title === 'string') line += node.title;
        return;
      case ACTOR_MENTION_NODE:
        addLink('actor', node.actorId);
        if (typeof node.name === 'string') line += `@${node.name}`;
        return;
      case HIGHLIGHT_QUOTE_NODE:
        endLine();
        addLink('highlight', node.highlightId);
        addLink('document', node.documentId);
        if (typeof node.quote === 'string') line += node.quote;
        if (typeof node.documentTitle === 'string') line += ` — ${node.documentTitle}`;
        endLine();
        return;
      case 'linebreak':
        line += ' ';
        return;
      case 'horizontalrule':
        endLine();
        return;
    }
    if (typeof node.text === 'string') line += node.text;
    const isBlock = typeof node.type === 'string' && BLOCKS.has(node.type);
    if (isBlock) endLine();
    if (Array.isArray(node.children)) for (const child of node.children) if (child && typeof child === 'object') walk(child as JsonNode);
    if (isBlock) endLine();
  };
  walk(body.root as JsonNode);
  endLine();
  return { text: lines.join('\n'), links: [...links.values()] };
}
