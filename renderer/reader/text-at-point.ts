import { CHUNK_START_ATTRIBUTE, registeredTextMap, TextIndex } from '../highlights/text-offsets';

/**
 * The offset in the document's text of the character under a point of the screen, or null when
 * no text of the article is there. Counted within its chunk alone: a book's whole text is not
 * walked for one point.
 */
export function textOffsetAtPoint(article: HTMLElement, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode;
  if (!caret || node?.nodeType !== Node.TEXT_NODE || !article.contains(node)) return null;
  const registered = registeredTextMap(article);
  if (registered) return registered.offsetOf(node, caret.offset);
  const chunk = node.parentElement?.closest(`[${CHUNK_START_ATTRIBUTE}]`);
  const chunkStart = chunk ? Number(chunk.getAttribute(CHUNK_START_ATTRIBUTE)) : 0;
  return chunkStart + new TextIndex(chunk ?? article).offsetOf(node, caret.offset);
}
