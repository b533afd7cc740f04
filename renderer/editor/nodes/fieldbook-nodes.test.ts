// @vitest-environment jsdom
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, LexicalState, NOTE_LINK_NODE, type NoteBody } from '../../../main/common/note-format';
import { unreadableBody } from '../note-body-json';
import { $createActorMentionNode } from './ActorMentionNode';
import { fieldbookNodes } from './fieldbookNodes';
import { $createHighlightQuoteNode } from './HighlightQuoteNode';
import { $createNoteLinkNode } from './NoteLinkNode';

const editor = () => createEditor({ namespace: 'test', nodes: [...fieldbookNodes], onError: (error) => { throw error; } });

type Json = { type: string; children?: Json[] } & Record<string, unknown>;

const NOTE_UID = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0007';
const ACTOR_UID = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0003';
const HIGHLIGHT_UID = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0011';
const DOCUMENT_UID = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0002';

function stateWithEveryNode(): Json {
  const e = editor();
  e.update(
    () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createNoteLinkNode(NOTE_UID, 'Logistics'), $createActorMentionNode(ACTOR_UID, 'AQIM'));
      $getRoot()
        .clear()
        .append(paragraph, $createHighlightQuoteNode({ highlightUid: HIGHLIGHT_UID, documentUid: DOCUMENT_UID, documentTitle: 'An article', quote: 'A passage.' }));
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
    expect(link).toEqual({ type: NOTE_LINK_NODE, version: 1, noteUid: NOTE_UID, title: 'Logistics' });
    expect(mention).toEqual({ type: ACTOR_MENTION_NODE, version: 1, actorUid: ACTOR_UID, name: 'AQIM' });
    expect(quote).toEqual({ type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: HIGHLIGHT_UID, documentUid: DOCUMENT_UID, documentTitle: 'An article', quote: 'A passage.' });
    // What they write is what the core's schema takes.
    expect(LexicalState.safeParse(stateWithEveryNode()).success).toBe(true);
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
        children: [{ type: 'paragraph', version: 1, children: [{ type: NOTE_LINK_NODE, version: 1, noteUid: 7, title: 5 }] }],
      },
    } as unknown as NoteBody;
    expect(unreadableBody(body)).toBeNull();
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(body)));
    const link = ((e.getEditorState().toJSON().root.children[0] as unknown as Json).children ?? [])[0];
    expect(link).toEqual({ type: NOTE_LINK_NODE, version: 1, noteUid: null, title: '' });
  });

  it('read a uid the core would refuse (with a space in it) as a mention of nothing, so the note still saves', () => {
    const body = {
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'paragraph', version: 1, children: [{ type: ACTOR_MENTION_NODE, version: 1, actorUid: 'not a uid', name: 'AQIM' }] }],
      },
    } as unknown as NoteBody;
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(body)));
    const mention = ((e.getEditorState().toJSON().root.children[0] as unknown as Json).children ?? [])[0];
    expect(mention).toEqual({ type: ACTOR_MENTION_NODE, version: 1, actorUid: null, name: 'AQIM' });
  });

  it('report a body with a node type it does not know, so the editor never replaces it', () => {
    const body = { root: { type: 'root', version: 1, children: [{ type: 'image', version: 1, src: 'https://example.com/x.png' }] } } as unknown as NoteBody;
    expect(unreadableBody(body)).not.toBeNull();
  });
});
