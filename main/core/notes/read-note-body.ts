import { BLOCK_NODES, ReferenceSet, walkNoteBody, type FieldbookNodeJson, type NoteNode, type NoteReference } from '../../common/note-format';

export interface NoteBodyReading {
  /** What search indexes: the words a reader sees, blocks on their own lines. */
  text: string;
  /** What the body refers to, by uid, each once. */
  references: NoteReference[];
}

/** One block of a body as a reader sees it, and where in it each of Fieldbook's nodes is shown. */
export interface NoteLine {
  text: string;
  nodes: Array<{ node: FieldbookNodeJson; start: number; end: number }>;
}

/** Reads a note's Lexical state for its plain text and what it refers to, in one bounded walk. */
export function readNoteBody(body: { root: unknown }): NoteBodyReading {
  const references = new ReferenceSet();
  // From every node, not only the lines kept: a link still without a title on a line of its own refers all the same.
  const lines = noteLines(body.root, (node) => references.addFrom(node));
  return { text: lines.map((line) => line.text).join('\n'), references: references.all };
}

/**
 * A body's text, block by block (blank blocks left out), with each link, mention and quote
 * placed in it as it reads: the one way a body becomes words, for search and for the words
 * around a link alike.
 */
export function noteLines(root: unknown, onNode?: (node: FieldbookNodeJson) => void): NoteLine[] {
  const lines: NoteLine[] = [];
  let line = '';
  let nodes: NoteLine['nodes'] = [];
  const endLine = () => {
    const text = line.trim();
    const cut = line.length - line.trimStart().length;
    if (text.length > 0) lines.push({ text, nodes: nodes.map((placed) => ({ ...placed, start: placed.start - cut, end: Math.min(placed.end - cut, text.length) })) });
    line = '';
    nodes = [];
  };
  const show = (node: FieldbookNodeJson, words: string) => {
    onNode?.(node);
    nodes.push({ node, start: line.length, end: line.length + words.length });
    line += words;
  };
  const isBlock = (node: NoteNode) => node.type === 'root' || (typeof node.type === 'string' && BLOCK_NODES.has(node.type));
  walkNoteBody(root, {
    noteLink: (node) => show(node, node.title),
    actorMention: (node) => show(node, `@${node.name}`),
    highlightQuote: (node) => {
      endLine();
      show(node, `${node.quote} — ${node.documentTitle}`);
      endLine();
    },
    enter: (node) => {
      switch (node.type) {
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
      if (isBlock(node)) endLine();
    },
  });
  endLine();
  return lines;
}
