import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useMemo } from 'react';
import { api } from '../../api/client';
import { displayTitle, putNote, useNotes } from '../../notes/notes-store';
import { $createNoteLinkNode, type NoteLinkNode } from '../nodes/NoteLinkNode';
import { noteLinkCreator } from './create-linked-note';
import { NodeTypeahead } from './NodeTypeahead';
import { matchNoteLinkTrigger, noteChoices, type NoteChoice } from './typeahead-matching';
import { typeaheadMenu, TypeaheadOption } from './TypeaheadMenu';

const toOption = (choice: NoteChoice): TypeaheadOption<NoteChoice> =>
  choice.kind === 'note'
    ? new TypeaheadOption(`note-${choice.note.id}`, choice, displayTitle(choice.note.title), choice.note.excerpt || null)
    : new TypeaheadOption('create', choice, `Create note “${choice.title}”`, null);

const renderMenu = typeaheadMenu<NoteChoice>('Link to note', (option) => (
  <>
    <span className={option.value.kind === 'create' ? 'typeahead-label typeahead-create' : 'typeahead-label'}>{option.label}</span>
    {option.detail && <span className="typeahead-detail">{option.detail}</span>}
  </>
));

// A note still being created is linked at once (no uid yet, shown plainly) and given its uid when it exists.
const linkOf = (choice: NoteChoice) =>
  choice.kind === 'note' ? $createNoteLinkNode(choice.note.uid, choice.note.title) : $createNoteLinkNode(null, choice.title);

interface Props {
  /** The note being edited, which is never offered as a link to itself. */
  noteId: number;
  /** Creating a note from the menu can fail; the editor says so where the person is looking. */
  onProblem(message: string | null): void;
}

/** `[[` opens a menu of notes; choosing one inserts a link, and a title that does not exist yet can be created. */
export function NoteLinkTypeaheadPlugin({ noteId, onProblem }: Props) {
  const [editor] = useLexicalComposerContext();
  const { notes } = useNotes();
  const choicesFor = useCallback((query: string) => noteChoices(notes ?? [], query, noteId), [notes, noteId]);

  const createAndLink = useMemo(
    () => noteLinkCreator({ editor, create: (title) => api.call('notes.create', { title }), onCreated: putNote, onProblem }),
    [editor, onProblem],
  );

  const linked = useCallback(
    (link: NoteLinkNode, choice: NoteChoice) => {
      if (choice.kind === 'create') void createAndLink(link.getKey(), choice.title);
    },
    [createAndLink],
  );

  return (
    <NodeTypeahead
      matchTrigger={matchNoteLinkTrigger}
      choicesFor={choicesFor}
      toOption={toOption}
      renderMenu={renderMenu}
      nodeFor={linkOf}
      onInserted={linked}
    />
  );
}
