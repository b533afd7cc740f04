// @vitest-environment jsdom
import { $createParagraphNode, $getRoot, $isElementNode, createEditor, type LexicalEditor, type NodeKey } from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../main/common/records';
import type { OpResult } from '../../../main/common/contract';
import { $createNoteLinkNode, $isNoteLinkNode } from '../nodes/NoteLinkNode';
import { fieldbookNodes } from '../nodes/fieldbookNodes';
import { noteLinkCreator } from './create-linked-note';

const note = (id: number, title: string): Note => ({
  id,
  uid: `note-${id}`,
  title,
  excerpt: '',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  body: { root: { type: 'root', version: 1, children: [] } } as unknown as Note['body'],
  bodyText: '',
  passages: {},
});

let editor: LexicalEditor;
/** The core's answers to notes.create, given by the test in whatever order it likes. */
let answers: Map<string, (result: OpResult<Note>) => void>;
let problem: string | null;
let link: ReturnType<typeof noteLinkCreator>;

/** A note body holding a `[[` link (not yet created, so no uid) for each title; returns their keys. */
function linksTo(...titles: string[]): NodeKey[] {
  const keys: NodeKey[] = [];
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      for (const title of titles) {
        const node = $createNoteLinkNode(null, title);
        keys.push(node.getKey());
        paragraph.append(node);
      }
      $getRoot().clear().append(paragraph);
    },
    { discrete: true },
  );
  return keys;
}

const bodyText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
const linkUids = () =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .flatMap((block) => ($isElementNode(block) ? block.getChildren() : []))
      .filter($isNoteLinkNode)
      .map((node) => node.getNoteUid()),
  );

/** Lets the answer's editor update and callbacks run, as the event loop would. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  editor = createEditor({ namespace: 'test', nodes: [...fieldbookNodes], onError: (error) => { throw error; } });
  answers = new Map();
  problem = null;
  link = noteLinkCreator({
    editor,
    create: (title) => new Promise((resolve) => answers.set(title, resolve)),
    onCreated: () => {},
    onProblem: (message) => (problem = message),
  });
});

describe('creating the notes `[[` links were made for', () => {
  it('gives the link the new note’s uid', async () => {
    const [key] = linksTo('Logistics');
    const done = link(key!, 'Logistics');
    answers.get('Logistics')!({ ok: true, value: note(9, 'Logistics') });
    await done;
    await settle();
    expect(linkUids()).toEqual(['note-9']);
  });

  it('puts the words back as typed when the note is not created, and says why', async () => {
    const [key] = linksTo('Logistics');
    const done = link(key!, 'Logistics');
    answers.get('Logistics')!({ ok: false, error: { code: 'library_unavailable', message: 'The library is not reachable.' } });
    await done;
    await settle();
    expect(bodyText()).toBe('[[Logistics');
    expect(problem).toBe('The note “Logistics” was not created: The library is not reachable.');
  });

  it('keeps a later link’s problem shown when an earlier link’s note is created after it', async () => {
    const [first, second] = linksTo('Logistics', 'Routes');
    const earlier = link(first!, 'Logistics');
    const later = link(second!, 'Routes');
    answers.get('Routes')!({ ok: false, error: { code: 'library_unavailable', message: 'The library is not reachable.' } });
    await later;
    answers.get('Logistics')!({ ok: true, value: note(9, 'Logistics') });
    await earlier;
    await settle();
    expect(problem).toBe('The note “Routes” was not created: The library is not reachable.');
    expect(bodyText()).toBe('Logistics[[Routes');
    expect(linkUids()).toEqual(['note-9']);
  });

  it('clears a problem from before once a note asked for after it is created', async () => {
    const [first, second] = linksTo('Logistics', 'Routes');
    const failed = link(first!, 'Logistics');
    answers.get('Logistics')!({ ok: false, error: { code: 'library_unavailable', message: 'The library is not reachable.' } });
    await failed;
    const created = link(second!, 'Routes');
    answers.get('Routes')!({ ok: true, value: note(10, 'Routes') });
    await created;
    expect(problem).toBeNull();
  });
});
