import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, $getNodeByKey, $insertNodes, type TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { displayTitle, putNote, useNotes } from '../../notes/notes-store';
import { $createNoteLinkNode, $isNoteLinkNode } from '../nodes/NoteLinkNode';
import { matchNoteLinkTrigger, noteChoices, type NoteChoice } from './typeahead-matching';
import { typeaheadMenu, TypeaheadOption } from './TypeaheadMenu';
import { useDismissableTrigger } from './use-dismissable-trigger';

type Option = TypeaheadOption<NoteChoice>;

const toOption = (choice: NoteChoice): Option =>
  choice.kind === 'note'
    ? new TypeaheadOption(`note-${choice.note.id}`, choice, displayTitle(choice.note.title), choice.note.excerpt || null)
    : new TypeaheadOption('create', choice, `Create note “${choice.title}”`, null);

const renderMenu = typeaheadMenu<NoteChoice>('Link to note', (option) => (
  <>
    <span className={option.value.kind === 'create' ? 'typeahead-label typeahead-create' : 'typeahead-label'}>{option.label}</span>
    {option.detail && <span className="typeahead-detail">{option.detail}</span>}
  </>
));

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
  const [query, setQuery] = useState<string | null>(null);

  const options = useMemo(() => (query === null ? [] : noteChoices(notes ?? [], query, noteId).map(toOption)), [notes, query, noteId]);

  const matchTrigger = useCallback(
    (text: string) => {
      const match = matchNoteLinkTrigger(text);
      // With nothing to offer the menu stays shut, so arrows and Enter keep working as usual.
      return match && noteChoices(notes ?? [], match.matchingString, noteId).length > 0 ? match : null;
    },
    [notes, noteId],
  );
  const { trigger, closed, chose } = useDismissableTrigger(matchTrigger);

  const createAndLink = useCallback(
    async (key: string, title: string) => {
      const result = await api.call('notes.create', { title });
      editor.update(() => {
        const node = $getNodeByKey(key);
        if (!$isNoteLinkNode(node)) return;
        if (result.ok) node.setNoteId(result.value.id);
        // Nothing was created: the words go back as typed, so nothing the person wrote disappears.
        else node.replace($createTextNode(`[[${title}`));
      });
      if (result.ok) {
        putNote(result.value);
        onProblem(null);
      } else {
        onProblem(`The note “${title}” was not created: ${result.error.message}`);
      }
    },
    [editor, onProblem],
  );

  const choose = useCallback(
    (option: Option, replacing: TextNode | null, close: () => void) => {
      const choice = option.value;
      const title = choice.kind === 'note' ? choice.note.title : choice.title;
      // A note still being created is linked at once (id 0, shown plainly) and given its id when it exists.
      const link = $createNoteLinkNode(choice.kind === 'note' ? choice.note.id : 0, title);
      if (replacing) replacing.replace(link);
      else $insertNodes([link]);
      link.selectNext();
      chose();
    close();
      if (choice.kind === 'create') void createAndLink(link.getKey(), choice.title);
    },
    [createAndLink, chose],
  );

  return (
    <LexicalTypeaheadMenuPlugin<Option>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={choose}
      triggerFn={trigger}
      onClose={closed}
      menuRenderFn={renderMenu}
      anchorClassName="typeahead-anchor"
      preselectFirstItem
    />
  );
}
