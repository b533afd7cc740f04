import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, DRAGOVER_COMMAND, DROP_COMMAND, mergeRegister } from 'lexical';
import { useEffect } from 'react';
import { isHighlightDrag, readDraggedHighlight } from '../../notes/highlight-drag';
import { quotedDocument } from '../../notes/quote-in-note';
import { $dropSpot, placeDroppedQuote } from './drop-quote';

/** A highlight card dropped on the note becomes a quote block (see placeDroppedQuote). */
export function HighlightDropPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!isHighlightDrag(event.dataTransfer)) return false;
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const dragged = readDraggedHighlight(event.dataTransfer);
            if (!dragged) return false;
            event.preventDefault();
            void placeDroppedQuote(editor, dragged, $dropSpot(event.target), quotedDocument);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
