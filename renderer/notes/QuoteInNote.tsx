import type { LexicalEditor } from 'lexical';
import { useState, type RefObject } from 'react';
import type { Highlight } from '../../main/common/records';
import { useFadingMessage } from '../actors/use-fading-message';
import { EvidenceAction } from './EvidenceAction';
import { insertQuote } from './insert-quote';
import { quoteOf, type QuotedDocument } from './quote-in-note';

/** An Evidence panel entry's action beside a note: the passage as a quote block at the note's caret. */
export function QuoteInNote({ highlight, from, editorRef }: { highlight: Highlight; from: QuotedDocument; editorRef: RefObject<LexicalEditor | null> }) {
  const [done, setDone] = useFadingMessage(4000);
  const [failure, setFailure] = useState<string | null>(null);

  const quoteHere = () => {
    const editor = editorRef.current;
    if (!editor || !editor.isEditable()) {
      setFailure('This note cannot take quotes: its text could not be opened.');
      return;
    }
    setFailure(null);
    insertQuote(editor, quoteOf(highlight, from));
    setDone('Quoted in this note.');
  };

  return (
    <EvidenceAction done={done} failure={failure}>
      <button type="button" className="button button-quiet evidence-quote-in" onClick={quoteHere}>
        Quote in note
      </button>
    </EvidenceAction>
  );
}
