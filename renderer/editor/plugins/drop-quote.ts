import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  type BaseSelection,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import type { DraggedHighlight } from '../../notes/highlight-drag';
import { $createHighlightQuoteNode } from '../nodes/HighlightQuoteNode';

/** Where a drop landed (the top-level block, if any) and where the caret was at that moment. */
export interface DropSpot {
  block: NodeKey | null;
  caret: BaseSelection | null;
}

/** Reads the spot at the drop itself; call it inside an update or a read (a command listener is one). */
export function $dropSpot(target: EventTarget | null): DropSpot {
  const near = target instanceof Node ? $getNearestNodeFromDOMNode(target) : null;
  const block = near && !($isElementNode(near) && near.getKey() === 'root') ? near.getTopLevelElement() : null;
  return { block: block?.getKey() ?? null, caret: $getSelection()?.clone() ?? null };
}

const sameSelection = (before: BaseSelection | null, now: BaseSelection | null): boolean =>
  before === null || now === null ? before === now : before.is(now);

/**
 * A highlight dropped on the note becomes a quote block after the block it landed on (a quote is a
 * block of its own, never a piece of a sentence). Its document's title is fetched first, and the
 * person may go on typing meanwhile: the caret moves past the quote only if it is still where it
 * was at the drop.
 */
export async function placeDroppedQuote(
  editor: LexicalEditor,
  dragged: DraggedHighlight,
  spot: DropSpot,
  titleOf: (documentId: number) => Promise<string>,
): Promise<void> {
  const documentTitle = await titleOf(dragged.documentId);
  editor.update(() => {
    const quote = $createHighlightQuoteNode({ ...dragged, documentTitle });
    const block = spot.block === null ? null : $getNodeByKey(spot.block);
    if (block && block.isAttached() && ($isElementNode(block) || $isDecoratorNode(block))) block.insertAfter(quote);
    else $getRoot().append(quote);
    if (sameSelection(spot.caret, $getSelection())) quote.selectNext();
  });
}
