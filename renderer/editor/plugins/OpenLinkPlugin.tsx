import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isNodeSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { navigate, type Route } from '../../route';
import { $isActorMentionNode } from '../nodes/ActorMentionNode';
import { $isHighlightQuoteNode, passageRoute } from '../nodes/HighlightQuoteNode';
import { $isNoteLinkNode } from '../nodes/NoteLinkNode';

function routeOf(node: LexicalNode): Route | null {
  if ($isNoteLinkNode(node) && node.getNoteId() > 0) return { kind: 'note', id: node.getNoteId() };
  if ($isActorMentionNode(node) && node.getActorId() > 0) return { kind: 'actor', id: node.getActorId() };
  if ($isHighlightQuoteNode(node)) return passageRoute(node.getQuote());
  return null;
}

/** The one link, mention or quote that is selected (Shift+arrow over it, or a click on a quote's frame), if any. */
function $selectedTarget(): Route | null {
  const selection = $getSelection();
  if ($isNodeSelection(selection)) {
    const nodes = selection.getNodes();
    return nodes.length === 1 && nodes[0] ? routeOf(nodes[0]) : null;
  }
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  // The range's end points sit in the text either side, so it counts as the link if it selects nothing else.
  const linked = selection.getNodes().filter((node) => routeOf(node) !== null);
  const only = linked.length === 1 ? linked[0] : undefined;
  return only && selection.getTextContent().trim() === only.getTextContent().trim() ? routeOf(only) : null;
}

/** Enter on a selected link opens it, as a click does; otherwise Enter is a new line as ever. */
export function OpenLinkPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (event?.shiftKey) return false;
          const target = $selectedTarget();
          if (!target) return false;
          event?.preventDefault();
          navigate(target);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
