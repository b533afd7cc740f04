import { useEffect, useState, type RefObject } from 'react';
import type { ActorMention } from '../../main/common/records';
import { CHUNK_START_ATTRIBUTE, registeredTextMap, TextIndex } from '../highlights/text-offsets';
import { textOffsetAtPoint } from '../reader/text-at-point';
import { useActors } from './actors-store';
import { mentionAt, mentionLabel } from './mention-at';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  /** The painted mentions, in reading order; null while they are hidden. */
  mentions: readonly ActorMention[] | null;
}

/** The offset in the document's text of a caret position in the article, counted within its chunk. */
function caretOffset(article: HTMLElement, node: Node, offset: number): number | null {
  if (node.nodeType !== Node.TEXT_NODE || !article.contains(node)) return null;
  // A PDF's pages count their offsets through their text layers.
  const registered = registeredTextMap(article);
  if (registered) return registered.offsetOf(node, offset);
  const chunk = node.parentElement?.closest(`[${CHUNK_START_ATTRIBUTE}]`);
  const chunkStart = chunk ? Number(chunk.getAttribute(CHUNK_START_ATTRIBUTE)) : 0;
  return chunkStart + new TextIndex(chunk ?? article).offsetOf(node, offset);
}

/**
 * Says which actor a painted mention is. Painting leaves the document's DOM untouched, so there
 * is no element to give a title: the pointer's place in the text is looked up instead, and a
 * tooltip follows it. For the keyboard (and a screen reader), the reader's caret entering a
 * mention is said in a live region.
 */
export function MentionHint({ articleRef, mentions }: Props) {
  const { byId } = useActors();
  const [pointed, setPointed] = useState<{ mention: ActorMention; x: number; y: number } | null>(null);
  const [atCaret, setAtCaret] = useState<ActorMention | null>(null);

  useEffect(() => {
    const article = articleRef.current;
    if (!article || !mentions || mentions.length === 0) {
      setPointed(null);
      setAtCaret(null);
      return;
    }
    let frame = 0;
    let last: MouseEvent | null = null;
    const look = () => {
      frame = 0;
      if (!last) return;
      const offset = textOffsetAtPoint(article, last.clientX, last.clientY);
      // The caret falls before or after the character under the pointer, by which half it is on.
      const mention = offset === null ? null : (mentionAt(mentions, offset) ?? mentionAt(mentions, offset - 1));
      setPointed(mention ? { mention, x: last.clientX, y: last.clientY } : null);
    };
    const move = (event: MouseEvent) => {
      last = event;
      if (!frame) frame = requestAnimationFrame(look);
    };
    const leave = () => {
      last = null;
      setPointed(null);
    };
    const caretMoved = () => {
      const selection = document.getSelection();
      const node = selection?.focusNode;
      const offset = selection?.isCollapsed && node ? caretOffset(article, node, selection.focusOffset) : null;
      setAtCaret(offset === null ? null : mentionAt(mentions, offset));
    };
    article.addEventListener('mousemove', move);
    article.addEventListener('mouseleave', leave);
    document.addEventListener('selectionchange', caretMoved);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      article.removeEventListener('mousemove', move);
      article.removeEventListener('mouseleave', leave);
      document.removeEventListener('selectionchange', caretMoved);
    };
  }, [articleRef, mentions]);

  const name = (mention: ActorMention) => byId.get(mention.actorId)?.name;
  const pointedName = pointed && name(pointed.mention);
  const caretName = atCaret && name(atCaret);
  return (
    <>
      {pointed && pointedName && (
        <div role="tooltip" className="mention-tooltip" style={{ left: pointed.x + 12, top: pointed.y + 18 }}>
          {mentionLabel(pointedName, pointed.mention)}
        </div>
      )}
      <p role="status" className="visually-hidden">
        {atCaret && caretName ? mentionLabel(caretName, atCaret) : ''}
      </p>
    </>
  );
}
