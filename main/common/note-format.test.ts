import { describe, expect, it } from 'vitest';
import {
  ACTOR_MENTION_NODE,
  HIGHLIGHT_QUOTE_NODE,
  LexicalState,
  MAX_NOTE_DEPTH,
  NOTE_LINK_NODE,
  noteBodyDepth,
  foldNoteBody,
  noteReferences,
  walkNoteBody,
  type NoteNode,
} from './note-format';

const NOTE = '0b7c2f1e-5d43-4c1a-9f7e-2a6d8e0c1b01';
const ACTOR = '0b7c2f1e-5d43-4c1a-9f7e-2a6d8e0c1b02';
const HIGHLIGHT = '0b7c2f1e-5d43-4c1a-9f7e-2a6d8e0c1b03';
const DOCUMENT = '0b7c2f1e-5d43-4c1a-9f7e-2a6d8e0c1b04';

const text = (words: string) => ({ type: 'text', version: 1, text: words, format: 0 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });
const body = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } });
const link = (noteUid: unknown = NOTE) => ({ type: NOTE_LINK_NODE, version: 1, noteUid, title: 'Sanctuaries' });
const mention = { type: ACTOR_MENTION_NODE, version: 1, actorUid: ACTOR, name: 'AQIM' };
const quote = { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: HIGHLIGHT, documentUid: DOCUMENT, documentTitle: 'Mali', quote: 'A passage.' };

/** The first problem the door would answer with, as a person reads it, and where. */
function refusal(state: unknown): { path: string; message: string } | null {
  const parsed = LexicalState.safeParse(state);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue ? { path: issue.path.join('.'), message: issue.message } : null;
}

/** A body nested `levels` deep, built as text: building it as objects and stringifying would itself recurse. */
function deepBody(levels: number, innermost: unknown): unknown {
  return JSON.parse(`{"root":{"type":"root","version":1,"children":[${'{"type":"paragraph","version":1,"children":['.repeat(levels)}${JSON.stringify(innermost)}${']}'.repeat(levels)}]}}`);
}

describe('the note body schema', () => {
  it('takes a body holding each of Fieldbook’s nodes, and a link to nothing (null)', () => {
    expect(refusal(body(paragraph(text('See '), link(), mention, link(null)), quote))).toBeNull();
  });

  it('refuses a reference that is not a uid, naming the node, the field and what it holds', () => {
    expect(refusal(body(paragraph(text('See '), link(7))))).toEqual({
      path: 'root.children.0.children.1.noteUid',
      message: 'The noteUid of a fb-note-link node must be a uid (1 to 200 printable characters, no spaces), or null when it refers to nothing; it is 7.',
    });
    expect(refusal(body(paragraph(link('two words'))))?.message).toMatch(/noteUid .* it is "two words"\.$/);
    expect(refusal(body(paragraph(link(''))))?.message).toMatch(/noteUid .* it is ""\.$/);
    expect(refusal(body({ ...quote, documentUid: 'x'.repeat(201) }))?.path).toBe('root.children.0.documentUid');
  });

  it('refuses a node without its reference, as an id-based body from before uids would be', () => {
    const { actorUid: _uid, ...withoutUid } = mention;
    expect(refusal(body(paragraph({ ...withoutUid, actorId: 3 })))).toEqual({
      path: 'root.children.0.children.0.actorUid',
      message: 'A fb-actor-mention node needs its actorUid: a uid (1 to 200 printable characters, no spaces), or null when it refers to nothing.',
    });
  });

  it('refuses a node without its display text, and children that are not nodes', () => {
    expect(refusal(body({ ...quote, quote: 12 }))?.message).toBe('The quote of a fb-highlight-quote node must be text.');
    expect(refusal(body(paragraph(text('a'), 'b')))).toEqual({ path: 'root.children.0.children', message: 'The children of a paragraph node must be a list of nodes.' });
  });

  it('refuses a body nested 10,000 levels deep with a plain answer, not a stack overflow', () => {
    expect(refusal(deepBody(10_000, text('buried')))).toEqual({ path: 'root', message: `A note can nest at most ${MAX_NOTE_DEPTH} levels deep.` });
    expect(refusal(deepBody(MAX_NOTE_DEPTH - 1, link()))).toBeNull();
  });
});

describe('the walk over a body', () => {
  it('names each thing referred to once, whatever the number of nodes naming it', () => {
    const refs = noteReferences(body(paragraph(link(), text(' and '), link(), mention), quote, paragraph(mention, link(null))).root);
    expect(refs).toEqual([
      { kind: 'note', uid: NOTE },
      { kind: 'actor', uid: ACTOR },
      { kind: 'highlight', uid: HIGHLIGHT },
      { kind: 'document', uid: DOCUMENT },
    ]);
  });

  it('hands each of Fieldbook’s nodes to its own callback, typed, and every other node to enter, in document order', () => {
    const seen: string[] = [];
    const name = (node: NoteNode) => String(node.text ?? node.type);
    walkNoteBody(body(paragraph(text('a'), link()), quote, paragraph(text('c'), { type: NOTE_LINK_NODE, noteId: 3, title: 'old' })).root, {
      enter: (node) => void seen.push(`+${name(node)}`),
      leave: (node) => void seen.push(`-${name(node)}`),
      noteLink: (node) => void seen.push(`link:${node.noteUid}`),
      highlightQuote: (node) => void seen.push(`quote:${node.highlightUid}`),
    });
    // A malformed node of ours (an old id-based link) is not passed off as a good one: it goes to enter.
    expect(seen.join(' ')).toBe(
      `+root +paragraph +a -a link:${NOTE} -${NOTE_LINK_NODE} -paragraph quote:${HIGHLIGHT} -${HIGHLIGHT_QUOTE_NODE} +paragraph +c -c +${NOTE_LINK_NODE} -${NOTE_LINK_NODE} -paragraph -root`,
    );
  });

  it('walks a body nested 20,000 levels deep without overflowing, stopping at the bound', () => {
    const deep = deepBody(20_000, link()) as { root: unknown };
    expect(noteBodyDepth(deep.root)).toBe(MAX_NOTE_DEPTH + 1);
    expect(noteReferences(deep.root)).toEqual([]);
  });
});

describe('the fold over a body', () => {
  it('makes each node’s value from its children’s, in order, and folds a body 20,000 levels deep without overflowing', () => {
    const describeNode = (node: NoteNode, children: string[]) => `${String(node.text ?? node.type)}(${children.join(',')})`;
    expect(foldNoteBody(body(paragraph(text('a'), link()), quote).root, describeNode)).toBe(`root(paragraph(a(),${NOTE_LINK_NODE}()),${HIGHLIGHT_QUOTE_NODE}())`);
    const depth = foldNoteBody((deepBody(20_000, text('buried')) as { root: unknown }).root, (_node, children: number[]) => 1 + Math.max(0, ...children));
    expect(depth).toBe(MAX_NOTE_DEPTH + 1);
  });
});
