import { BLOCK_NODES, ReferenceSet, walkNoteBody, type NoteNode, type NoteReference } from '../../common/note-format';

export interface NoteBodyReading {
  /** What search indexes: the words a reader sees, blocks on their own lines. */
  text: string;
  /** What the body refers to, by uid, each once. */
  references: NoteReference[];
}

/** Reads a note's Lexical state for its plain text and what it refers to, in one bounded walk. */
export function readNoteBody(body: { root: unknown }): NoteBodyReading {
  const lines: string[] = [];
  const references = new ReferenceSet();
  let line = '';
  const endLine = () => {
    if (line.trim().length > 0) lines.push(line.trim());
    line = '';
  };
  const isBlock = (node: NoteNode) => node.type === 'root' || (typeof node.type === 'string' && BLOCK_NODES.has(node.type));
  walkNoteBody(body.root, {
    noteLink: (node) => {
      references.addFrom(node);
      line += node.title;
    },
    actorMention: (node) => {
      references.addFrom(node);
      line += `@${node.name}`;
    },
    highlightQuote: (node) => {
      references.addFrom(node);
      endLine();
      line += `${node.quote} — ${node.documentTitle}`;
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
  return { text: lines.join('\n'), references: references.all };
}
