import { createEditor, type LexicalEditor } from 'lexical';
import type { NoteBody } from '../../main/common/note-format';
import { fieldbookNodes } from './nodes/fieldbookNodes';

/**
 * Whether a saved body can be opened, tried on a headless editor first: a body Lexical cannot
 * read must not reach the real editor, which would replace it with an empty note and autosave that.
 */
export function unreadableBody(body: NoteBody): string | null {
  try {
    const editor = createEditor({
      namespace: 'fieldbook-note-check',
      nodes: [...fieldbookNodes],
      onError: (error) => {
        throw error;
      },
    });
    editor.parseEditorState(JSON.stringify(body));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The editor's state as notes.save takes it. Lexical types the root's `type` as any string; it is always 'root'. */
export function noteBodyOf(editor: LexicalEditor): NoteBody {
  return editor.getEditorState().toJSON() as unknown as NoteBody;
}
