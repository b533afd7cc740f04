import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE, type NoteBody } from '../main/common/note-format';

/**
 * Lexical's serialized editor state, node for node as the renderer's editor writes it
 * (renderer/editor/nodes for Fieldbook's own nodes), for notes the benchmarks build without an editor.
 */
export type LexicalJson = { type: string; version: number; children?: LexicalJson[]; [key: string]: unknown };

const block = { direction: 'ltr', format: '', indent: 0 } as const;

export const text = (value: string, format = 0): LexicalJson => ({
  type: 'text',
  version: 1,
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: value,
});

export const paragraph = (children: LexicalJson[]): LexicalJson => ({
  type: 'paragraph',
  version: 1,
  ...block,
  textFormat: 0,
  textStyle: '',
  children,
});

export const heading = (tag: 'h1' | 'h2' | 'h3', children: LexicalJson[]): LexicalJson => ({ type: 'heading', version: 1, ...block, tag, children });

export const list = (items: LexicalJson[][], listType: 'bullet' | 'number' = 'bullet'): LexicalJson => ({
  type: 'list',
  version: 1,
  ...block,
  listType,
  start: 1,
  tag: listType === 'bullet' ? 'ul' : 'ol',
  children: items.map((children, index) => ({ type: 'listitem', version: 1, ...block, value: index + 1, children })),
});

export const noteLink = (noteUid: string, title: string): LexicalJson => ({ type: NOTE_LINK_NODE, version: 1, noteUid, title });

export const actorMention = (actorUid: string, name: string): LexicalJson => ({ type: ACTOR_MENTION_NODE, version: 1, actorUid, name });

export const highlightQuote = (quote: { highlightUid: string; documentUid: string; documentTitle: string; quote: string }): LexicalJson => ({
  type: HIGHLIGHT_QUOTE_NODE,
  version: 1,
  ...quote,
});

export const noteBody = (children: LexicalJson[]): NoteBody => ({ root: { type: 'root', version: 1, ...block, children } });
