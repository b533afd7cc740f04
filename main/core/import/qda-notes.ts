import { MAX_NOTE_BYTES, type NoteBody } from '../../common/note-format';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { createNote, saveNote } from '../notes/note-repo';
import { readNoteBody } from '../notes/read-note-body';
import { headOf } from '../text/code-points';
import type { QdaLeftOut, QdaNote } from './qda-project';

const MAX_TITLE = 500;

/**
 * A project's notes (memos) as Fieldbook notes, a paragraph per line: a REFI-QDA note is plain
 * text. A note the library already has, same title and same words, is not added again, so a
 * project imported twice leaves one copy.
 */
export function importNotes(library: Library, notes: readonly QdaNote[], leftOut: QdaLeftOut[]): Array<{ id: number; title: string }> {
  const added: Array<{ id: number; title: string }> = [];
  const same = prepare<[string, string], { id: number }>(library.db, 'SELECT id FROM notes WHERE deleted_at IS NULL AND title = ? AND body_text = ? LIMIT 1');
  for (const note of notes) {
    const title = headOf(note.name.trim(), MAX_TITLE).trim();
    const body = plainTextBody(note.text);
    if (JSON.stringify(body).length > MAX_NOTE_BYTES) {
      leftOut.push({ kind: 'note', name: title || note.guid, reason: 'it is longer than a Fieldbook note can be (8 MB)' });
      continue;
    }
    if (same.get(title, readNoteBody(body).text)) continue;
    const { id } = createNote(library, title);
    saveNote(library, id, title, body);
    added.push({ id, title });
  }
  return added;
}

function plainTextBody(text: string): NoteBody {
  const paragraphs = text
    .split(/\r\n?|\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => ({
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'text', version: 1, text: line, format: 0, detail: 0, mode: 'normal', style: '' }],
    }));
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [] }],
    },
  };
}
