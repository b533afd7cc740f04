import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { HighlightQuoteNode } from '../editor/nodes/HighlightQuoteNode';
import { insertQuote } from './insert-quote';

const quote = { highlightUid: 'highlight-4', documentUid: 'document-2', documentTitle: 'An article', quote: 'A passage.' };

function editorWith(texts: string[], caretIn: number | null): LexicalEditor {
  const editor = createEditor({
    nodes: [HighlightQuoteNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const paragraphs = texts.map((text) => $createParagraphNode().append(...(text ? [$createTextNode(text)] : [])));
      $getRoot().append(...paragraphs);
      if (caretIn !== null) paragraphs[caretIn]?.selectEnd();
    },
    { discrete: true },
  );
  return editor;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const blocks = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getChildren().map((node) => (node.getType() === 'paragraph' ? `p:${node.getTextContent()}` : node instanceof HighlightQuoteNode ? 'quote' : node.getType())));

const caretBlock = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement()?.getIndexWithinParent() : null;
  });

describe('insertQuote', () => {
  it('puts the quote after the paragraph holding the caret, and the caret on a line below it', async () => {
    const editor = editorWith(['One', 'Two'], 0);
    insertQuote(editor, quote);
    await settled();
    expect(blocks(editor)).toEqual(['p:One', 'quote', 'p:', 'p:Two']);
    expect(caretBlock(editor)).toBe(2);
  });

  it('puts the quote above an empty line the caret is on, so writing goes on below it', async () => {
    const editor = editorWith(['One', ''], 1);
    insertQuote(editor, quote);
    await settled();
    expect(blocks(editor)).toEqual(['p:One', 'quote', 'p:']);
    expect(caretBlock(editor)).toBe(2);
  });

  it('adds the quote at the end when the note has no caret, and quotes in a row keep their order', async () => {
    const editor = editorWith(['One'], null);
    insertQuote(editor, quote);
    insertQuote(editor, { ...quote, highlightUid: 'highlight-5' });
    await settled();
    expect(blocks(editor)).toEqual(['p:One', 'quote', 'quote', 'p:']);
    const ids = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter((node): node is HighlightQuoteNode => node instanceof HighlightQuoteNode)
        .map((node) => node.getQuote().highlightUid),
    );
    expect(ids).toEqual(['highlight-4', 'highlight-5']);
  });
});
