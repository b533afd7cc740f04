import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { ActorMentionNode } from './ActorMentionNode';
import { HighlightQuoteNode } from './HighlightQuoteNode';
import { NoteLinkNode } from './NoteLinkNode';

/**
 * Every node a note may hold. Pasted HTML becomes only these (plus paragraphs, text and line
 * breaks): there is deliberately no image, link, table or code node, so nothing remote,
 * scriptable or styled can come in through the clipboard.
 */
export const fieldbookNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  HorizontalRuleNode,
  NoteLinkNode,
  ActorMentionNode,
  HighlightQuoteNode,
];
