import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, type RefObject } from 'react';
import type { NoteBody } from '../../main/common/note-format';
import type { Note } from '../../main/common/records';
import { editorTheme } from './editor-theme';
import { noteShortcuts } from './markdown-shortcuts';
import { fieldbookNodes } from './nodes/fieldbookNodes';
import { rememberPassages } from './passage-places';
import { ActorMentionPlugin } from './plugins/ActorMentionPlugin';
import { CheckListRolesPlugin } from './plugins/CheckListRolesPlugin';
import { FormattingToolbarPlugin } from './plugins/FormattingToolbarPlugin';
import { HighlightDropPlugin } from './plugins/HighlightDropPlugin';
import { NoteLinkTypeaheadPlugin } from './plugins/NoteLinkTypeaheadPlugin';
import { OpenLinkPlugin } from './plugins/OpenLinkPlugin';
import { PlainPastePlugin } from './plugins/PlainPastePlugin';
import '../styles/note-editor.css';

interface Props {
  noteId: number;
  /** Checked readable beforehand (unreadableBody). */
  body: NoteBody;
  /** Where the passages the body quotes are (Note.passages), so its quotes open them. */
  passages: Note['passages'];
  editorRef: RefObject<LexicalEditor | null>;
  /** The text changed: not the caret, not a re-render. */
  onChange(): void;
  onProblem(message: string | null): void;
}

const PLACEHOLDER = 'Write here. Type [[ to link a note, @ to mention an actor; # , - and > start headings, lists and quotes.';

export function NoteEditor({ noteId, body, passages, editorRef, onChange, onProblem }: Props) {
  // Made once per note (the view is keyed by note), so typing never re-creates the editor.
  const initialConfig = useMemo<InitialConfigType>(() => {
    // Before the body's quotes are drawn; remembering is idempotent, so a second call does no harm.
    rememberPassages(passages);
    return {
      namespace: 'fieldbook-note',
      nodes: [...fieldbookNodes],
      theme: editorTheme,
      editorState: JSON.stringify(body),
      onError: (error) => {
        throw error;
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the saved body seeds the editor once; after that the editor holds the truth.
  }, [noteId]);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <FormattingToolbarPlugin />
      <div className="note-body-frame">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="note-body"
              aria-label="Note body"
              aria-multiline
              spellCheck
              aria-placeholder={PLACEHOLDER}
              placeholder={<div className="note-body-placeholder">{PLACEHOLDER}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <CheckListRolesPlugin />
      <HorizontalRulePlugin />
      <MarkdownShortcutPlugin transformers={noteShortcuts} />
      <NoteLinkTypeaheadPlugin noteId={noteId} onProblem={onProblem} />
      <ActorMentionPlugin />
      <OpenLinkPlugin />
      <HighlightDropPlugin />
      <PlainPastePlugin />
      <EditorRefPlugin editorRef={editorRef} />
      <OnChangePlugin ignoreSelectionChange onChange={onChange} />
    </LexicalComposer>
  );
}
