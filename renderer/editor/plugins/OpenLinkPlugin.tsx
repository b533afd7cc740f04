import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isNodeSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import type { Actor, NoteSummary } from '../../../main/common/records';
import { useActors } from '../../actors/actors-store';
import { useNotes } from '../../notes/notes-store';
import { navigate, type Route } from '../../route';
import { $isActorMentionNode } from '../nodes/ActorMentionNode';
import { actorByUid, noteByUid } from '../nodes/by-uid';
import { $isHighlightQuoteNode } from '../nodes/HighlightQuoteNode';
import { $isNoteLinkNode } from '../nodes/NoteLinkNode';
import { passageRoute } from '../passage-places';

/** The lists a node's uid is looked up in, as the page holds them now. */
interface Lists {
  notes: NoteSummary[] | null;
  actors: Actor[] | null;
}

/** Where a node leads, as its view would open it; null for a node that leads nowhere (or nowhere known). */
function routeOf(node: LexicalNode, lists: Lists): Route | null {
  if ($isNoteLinkNode(node)) {
    const note = noteByUid(lists.notes, node.getNoteUid());
    return note ? { kind: 'note', id: note.id } : null;
  }
  if ($isActorMentionNode(node)) {
    const actor = actorByUid(lists.actors, node.getActorUid());
    return actor ? { kind: 'actor', id: actor.id } : null;
  }
  if ($isHighlightQuoteNode(node)) return passageRoute(node.getQuote().highlightUid);
  return null;
}

/** The one link, mention or quote that is selected (Shift+arrow over it, or a click on a quote's frame), if any. */
function $selectedTarget(lists: Lists): Route | null {
  const selection = $getSelection();
  if ($isNodeSelection(selection)) {
    const nodes = selection.getNodes();
    return nodes.length === 1 && nodes[0] ? routeOf(nodes[0], lists) : null;
  }
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  // The range's end points sit in the text either side, so it counts as the link if it selects nothing else.
  const linked = selection.getNodes().filter((node) => routeOf(node, lists) !== null);
  const only = linked.length === 1 ? linked[0] : undefined;
  return only && selection.getTextContent().trim() === only.getTextContent().trim() ? routeOf(only, lists) : null;
}

/** Enter on a selected link opens it, as a click does; otherwise Enter is a new line as ever. */
export function OpenLinkPlugin() {
  const [editor] = useLexicalComposerContext();
  const { notes } = useNotes();
  const { actors } = useActors();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (event?.shiftKey) return false;
          const target = $selectedTarget({ notes, actors });
          if (!target) return false;
          event?.preventDefault();
          navigate(target);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, notes, actors],
  );
  return null;
}
