// @vitest-environment jsdom
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE, type NoteBody } from '../../../main/common/note-format';
import { unreadableBody } from '../note-body-json';
import { $createActorMentionNode } from './ActorMentionNode';
import { fieldbookNodes } from './fieldbookNodes';
import { $createHighlightQuoteNode } from './HighlightQuoteNode';
import { $createNoteLinkNode } from './NoteLinkNode';

const editor = () => createEditor({ namespace: 'test', nodes: [...fieldbookNodes], onError: (error) => { throw error; } });

type Json = { type: string; children?: Json[] } & Record<string, unknown>;

function stateWithEveryNode(): Json {
  const e = editor();
  e.update(
    () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createNoteLinkNode(7, 'Logistics'), $createActorMentionNode(3, 'AQIM'));
      $getRoot()
        .clear()
        .append(paragraph, $createHighlightQuoteNode({ highlightId: 11, documentId: 2, documentTitle: 'An article', quote: 'A passage.' }));
    },
    { discrete: true },
  );
  return e.getEditorState().toJSON() as unknown as Json;
}

describe('Fieldbook nodes as JSON', () => {
  it('write exactly the fields the core reads, under the names it reads', () => {
    const root = stateWithEveryNode().root as Json;
    const [paragraph, quote] = root.children ?? [];
    const [link, mention] = paragraph?.children ?? [];
    expect(link).toEqual({ type: NOTE_LINK_NODE, version: 1, noteId: 7, title: 'Logistics' });
    expect(mention).toEqual({ type: ACTOR_MENTION_NODE, version: 1, actorId: 3, name: 'AQIM' });
    expect(quote).toEqual({ type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightId: 11, documentId: 2, documentTitle: 'An article', quote: 'A passage.' });
  });

  it('read back what they wrote, unchanged', () => {
    const first = stateWithEveryNode();
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(first)));
    expect(e.getEditorState().toJSON()).toEqual(first);
  });

  it('open a body with wrongly typed fields as links to nothing rather than refusing it', () => {
    const body = {
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'paragraph', version: 1, children: [{ type: NOTE_LINK_NODE, version: 1, noteId: 'seven', title: 5 }] }],
      },
    } as unknown as NoteBody;
    expect(unreadableBody(body)).toBeNull();
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(body)));
    const link = ((e.getEditorState().toJSON().root.children[0] as unknown as Json).children ?? [])[0];
    expect(link).toEqual({ type: NOTE_LINK_NODE, version: 1, noteId: 0, title: '' });
  });

  it('read an id the core would refuse (too large to be exact) as a link to nothing, so the note still saves', () => {
    const body = {
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'paragraph', version: 1, children: [{ type: ACTOR_MENTION_NODE, version: 1, actorId: 1e20, name: 'AQIM' }] }],
      },
    } as unknown as NoteBody;
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(body)));
    const mention = ((e.getEditorState().toJSON().root.children[0] as unknown as Json).children ?? [])[0];
    expect(mention).toEqual({ type: ACTOR_MENTION_NODE, version: 1, actorId: 0, name: 'AQIM' });
  });

  it('report a body with a node type it does not know, so the editor never replaces it', () => {
    const body = { root: { type: 'root', version: 1, children: [{ type: 'image', version: 1, src: 'https://example.com/x.png' }] } } as unknown as NoteBody;
    expect(unreadableBody(body)).not.toBeNull();
  });
});
