import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $getRoot, $isDecoratorNode, $isElementNode, COMMAND_PRIORITY_HIGH, DRAGOVER_COMMAND, DROP_COMMAND, mergeRegister } from 'lexical';
import { useEffect } from 'react';
import { isHighlightDrag, readDraggedHighlight } from '../../notes/highlight-drag';
import { documentTitleOf } from '../../notes/quote-in-note';
import { $createHighlightQuoteNode } from '../nodes/HighlightQuoteNode';

/**
 * A highlight card dropped on the note becomes a quote block after the paragraph it lands on
 * (a quote is a block of its own, never a piece of a sentence).
 */
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
            const target = event.target;
            void documentTitleOf(dragged.documentId).then((documentTitle) =>
              editor.update(() => {
                const quote = $createHighlightQuoteNode({ ...dragged, documentTitle });
                const near = target instanceof Node ? $getNearestNodeFromDOMNode(target) : null;
                const block = near && !($isElementNode(near) && near.getKey() === 'root') ? near.getTopLevelElement() : null;
                if (block && ($isElementNode(block) || $isDecoratorNode(block))) block.insertAfter(quote);
                else $getRoot().append(quote);
                quote.selectNext();
              }),
            );
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
