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
import { quoteOf, type QuotedDocument } from '../../notes/quote-in-note';
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
 * block of its own, never a piece of a sentence). Its document's title and uid are fetched first, and the
 * person may go on typing meanwhile: the caret moves past the quote only if it is still where it
 * was at the drop.
 */
export async function placeDroppedQuote(
  editor: LexicalEditor,
  dragged: DraggedHighlight,
  spot: DropSpot,
  documentOf: (documentId: number) => Promise<QuotedDocument>,
): Promise<void> {
  const document = await documentOf(dragged.documentId);
  // The drag carries the quote's words already (an area's included): quoted as they came.
  const quote = quoteOf({ id: dragged.highlightId, uid: dragged.highlightUid, documentId: dragged.documentId, exact: dragged.quote, area: null, comment: '' }, document);
  editor.update(() => {
    const node = $createHighlightQuoteNode(quote);
    const block = spot.block === null ? null : $getNodeByKey(spot.block);
    if (block && block.isAttached() && ($isElementNode(block) || $isDecoratorNode(block))) block.insertAfter(node);
    else $getRoot().append(node);
    if (sameSelection(spot.caret, $getSelection())) node.selectNext();
  });
}
