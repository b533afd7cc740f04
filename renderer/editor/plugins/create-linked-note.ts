import { $createTextNode, $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import type { Note } from '../../../main/common/records';
import type { OpResult } from '../../../main/common/contract';
import { $isNoteLinkNode } from '../nodes/NoteLinkNode';

interface Options {
  editor: LexicalEditor;
  create(title: string): Promise<OpResult<Note>>;
  onCreated(note: Note): void;
  /** The problem to show beside the editor, or null when there is none any more. */
  onProblem(message: string | null): void;
}

/**
 * Creates the note a `[[` link was made for, then gives the link its uid. Several can be under way
 * at once and answer in any order, so a success clears the problem shown only when no create has
 * failed since it was asked: a late success must not hide why a later link went back to text.
 */
export function noteLinkCreator({ editor, create, onCreated, onProblem }: Options): (key: NodeKey, title: string) => Promise<void> {
  let failures = 0;
  return async (key, title) => {
    const failuresBefore = failures;
    const result = await create(title);
    editor.update(() => {
      const node = $getNodeByKey(key);
      if (!$isNoteLinkNode(node)) return;
      if (result.ok) node.setNoteUid(result.value.uid);
      // Nothing was created: the words go back as typed, so nothing the person wrote disappears.
      else node.replace($createTextNode(`[[${title}`));
    });
    if (result.ok) {
      onCreated(result.value);
      if (failures === failuresBefore) onProblem(null);
    } else {
      failures += 1;
      onProblem(`The note “${title}” was not created: ${result.error.message}`);
    }
  };
}
