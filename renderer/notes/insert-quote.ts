import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $createHighlightQuoteNode, type HighlightQuote } from '../editor/nodes/HighlightQuoteNode';

const isEmptyParagraph = (node: LexicalNode | null): boolean => $isParagraphNode(node) && node.getTextContent().trim() === '';

/** The top-level block the editor's selection is in, if it has one. */
function $selectedBlock(): LexicalNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    const node = selection.anchor.getNode();
    return $isElementNode(node) && node.getKey() === 'root' ? (node.getChildAtIndex(selection.anchor.offset) ?? null) : node.getTopLevelElement();
  }
  if ($isNodeSelection(selection)) return selection.getNodes().at(-1)?.getTopLevelElement() ?? null;
  return null;
}

/**
 * Puts a quote block into the open note where the writer's caret was (after its paragraph, or just
 * above the empty line it is on), or at the end when there is no caret. An empty line always
 * follows the quote and takes the caret, so the next quote lands below this one. Focus stays where
 * it was (the panel's button), so several passages can be quoted in a row; the quote is scrolled
 * into view instead.
 */
export function insertQuote(editor: LexicalEditor, quote: HighlightQuote): void {
  let key: string | null = null;
  const reveal = () => {
    if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'nearest' });
  };
  editor.update(
    () => {
      const node = $createHighlightQuoteNode(quote);
      const block = $selectedBlock();
      const root = $getRoot();
      if (block && isEmptyParagraph(block)) block.insertBefore(node);
      else if (block) block.insertAfter(node);
      else {
        const last = root.getLastChild();
        if (isEmptyParagraph(last)) last?.insertBefore(node);
        else root.append(node);
      }
      // An empty line after the quote takes the caret, so writing (or the next quote) goes below it.
      let next = node.getNextSibling();
      if (!$isParagraphNode(next) || !isEmptyParagraph(next)) {
        next = $createParagraphNode();
        node.insertAfter(next);
      }
      next.selectStart();
      key = node.getKey();
    },
    { tag: SKIP_DOM_SELECTION_TAG, onUpdate: reveal },
  );
}
