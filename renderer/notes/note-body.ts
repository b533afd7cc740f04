import { childNodes, HIGHLIGHT_QUOTE_NODE, type HighlightQuoteJson, type NoteBody, type NoteNode } from '../../main/common/note-format';
import type { HighlightQuote } from '../editor/nodes/HighlightQuoteNode';

const emptyParagraph = (): NoteNode => ({ type: 'paragraph', version: 1, children: [] });

const isEmptyParagraph = (node: unknown): boolean =>
  typeof node === 'object' && node !== null && (node as NoteNode).type === 'paragraph' && childNodes(node as NoteNode).length === 0;

/**
 * A note's saved state with a quote block added at its end, for quoting into a note that is not
 * open. The quote goes before a trailing empty paragraph, or gets one after it, so there is always
 * a line to go on writing below.
 */
export function withQuoteAppended(body: NoteBody, quote: HighlightQuote): NoteBody {
  const children = [...body.root.children] as unknown[];
  const block: HighlightQuoteJson = { type: HIGHLIGHT_QUOTE_NODE, version: 1, ...quote };
  if (isEmptyParagraph(children.at(-1))) children.splice(children.length - 1, 0, block);
  else children.push(block, emptyParagraph());
  return { ...body, root: { ...body.root, children: children as NoteBody['root']['children'] } };
}
