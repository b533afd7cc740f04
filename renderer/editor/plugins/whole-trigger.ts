import { $isTextNode, type TextNode } from 'lexical';
import type { TriggerMatch } from './typeahead-matching';

/**
 * Lexical cuts out the text to replace with the match of its last render, so an Enter pressed before
 * React caught up with the latest keystroke ("@AQ" typed, the menu still showing "@A") left the
 * trigger's first characters behind: "@@AQIM". This measures the trigger again against the text as
 * it is now and returns the node that holds exactly it, taking characters from (or giving them back
 * to) the text just before.
 */
export function $wholeTrigger(cut: TextNode, matchTrigger: (textBeforeCaret: string) => TriggerMatch | null): TextNode {
  const before = cut.getPreviousSibling();
  const textBefore = $isTextNode(before) && before.isSimpleText() ? before : null;
  const cutSize = cut.getTextContentSize();
  const match = matchTrigger((textBefore?.getTextContent() ?? '') + cut.getTextContent());
  if (!match) return cut;
  const wanted = match.replaceableString.length;
  if (wanted < cutSize) return cut.splitText(cutSize - wanted)[1] ?? cut;
  if (wanted > cutSize && textBefore) {
    const missing = wanted - cutSize;
    const beforeSize = textBefore.getTextContentSize();
    const [, tail] = missing >= beforeSize ? [null, textBefore] : textBefore.splitText(beforeSize - missing);
    tail?.remove();
  }
  return cut;
}
