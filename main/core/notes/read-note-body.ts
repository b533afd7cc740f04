import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import { isId } from '../../common/ids';
import { walkNoteBody, type NoteNode } from './note-body';

export interface NoteLink {
  kind: 'note' | 'highlight' | 'actor' | 'document';
  id: number;
}

export interface NoteBodyReading {
  /** What search indexes: the words a reader sees, blocks on their own lines. */
  text: string;
  links: NoteLink[];
}

const BLOCKS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code', HIGHLIGHT_QUOTE_NODE]);

/** Reads a note's Lexical state for its plain text and the links it holds, in one bounded walk. */
export function readNoteBody(body: { root: unknown }): NoteBodyReading {
  const lines: string[] = [];
  const links = new Map<string, NoteLink>();
  let line = '';
  const addLink = (kind: NoteLink['kind'], id: unknown) => {
    if (isId(id)) links.set(`${kind}:${id}`, { kind, id });
  };
  const endLine = () => {
    if (line.trim().length > 0) lines.push(line.trim());
    line = '';
  };
  const isBlock = (node: NoteNode) => typeof node.type === 'string' && BLOCKS.has(node.type);
  walkNoteBody(body.root, {
    enter: (node) => {
      switch (node.type) {
        case NOTE_LINK_NODE:
          addLink('note', node.noteId);
          if (typeof node.title === 'string') line += node.title;
          return false;
        case ACTOR_MENTION_NODE:
          addLink('actor', node.actorId);
          if (typeof node.name === 'string') line += `@${node.name}`;
          return false;
        case HIGHLIGHT_QUOTE_NODE:
          endLine();
          addLink('highlight', node.highlightId);
          addLink('document', node.documentId);
          if (typeof node.quote === 'string') line += node.quote;
          if (typeof node.documentTitle === 'string') line += ` — ${node.documentTitle}`;
          endLine();
          return false;
        case 'linebreak':
          line += ' ';
          return false;
        case 'horizontalrule':
          endLine();
          return false;
      }
      if (typeof node.text === 'string') line += node.text;
      if (isBlock(node)) endLine();
      return true;
    },
    leave: (node) => {
      if (node.type !== HIGHLIGHT_QUOTE_NODE && isBlock(node)) endLine();
    },
  });
  endLine();
  return { text: lines.join('\n'), links: [...links.values()] };
}
