import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TextNode } from 'lexical';
import { useEffect } from 'react';

/**
 * Pasted HTML keeps its structure (headings, lists, emphasis) but not its looks: Lexical's import
 * can carry inline CSS (colours, fonts, sizes) onto text, which would make a note read like the
 * page it came from and store markup the note has no use for. Nothing in a note sets a style.
 */
export function PlainPastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        if (node.getStyle() !== '') node.setStyle('');
      }),
    [editor],
  );
  return null;
}
