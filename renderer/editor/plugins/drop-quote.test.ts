// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { $isHighlightQuoteNode } from '../nodes/HighlightQuoteNode';
import { fieldbookNodes } from '../nodes/fieldbookNodes';
import type { QuotedDocument } from '../../notes/quote-in-note';
import { $dropSpot, placeDroppedQuote, type DropSpot } from './drop-quote';

const DRAGGED = { highlightId: 11, highlightUid: 'highlight-11', documentId: 2, quote: 'Firstly an Al-Qaeda sanctuary' };

let editor: LexicalEditor;
/** The document's answer (its title), given when the test says. */
let answerTitle: (title: string) => void;
const titleOf = () => new Promise<QuotedDocument>((resolve) => (answerTitle = (title) => resolve({ uid: 'document-2', title })));

/** What the note says, block by block, a quote shown as "> quote — title". */
const blocks = () =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => ($isHighlightQuoteNode(block) ? `> ${block.getQuote().quote} — ${block.getQuote().documentTitle}` : block.getTextContent())),
  );

function typeAtCaret(text: string): void {
  editor.update(
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('No caret to type at.');
      selection.insertText(text);
    },
    { discrete: true },
  );
}

/** Drops the passage on the first paragraph, as the DOM event would name it, and reads the spot at once. */
function dropOnFirstParagraph(): DropSpot {
  const first = editor.read(() => $getRoot().getFirstChildOrThrow().getKey());
  const target = editor.getElementByKey(first);
  let spot: DropSpot | null = null;
  editor.update(() => (spot = $dropSpot(target)), { discrete: true });
  return spot!;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  editor = createEditor({ namespace: 'test', nodes: [...fieldbookNodes], onError: (error) => { throw error; } });
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.replaceChildren(root);
  editor.setRootElement(root);
  editor.update(
    () => {
      const first = $createParagraphNode().append($createTextNode('Notes on Mali'));
      $getRoot().clear().append(first, $createParagraphNode().append($createTextNode('Later thoughts')));
      first.selectEnd();
    },
    { discrete: true },
  );
});

describe('a highlight dropped on a note', () => {
  it('becomes a quote after the paragraph it landed on, and the caret goes past it', async () => {
    const placed = placeDroppedQuote(editor, DRAGGED, dropOnFirstParagraph(), titleOf);
    answerTitle('Sahel report');
    await placed;
    await settle();
    typeAtCaret('Next');
    expect(blocks()).toEqual(['Notes on Mali', `> ${DRAGGED.quote} — Sahel report`, 'NextLater thoughts']);
  });

  it('leaves the caret where the person went on typing while the document’s title was fetched', async () => {
    const placed = placeDroppedQuote(editor, DRAGGED, dropOnFirstParagraph(), titleOf);
    typeAtCaret(', 2012');
    answerTitle('Sahel report');
    await placed;
    await settle();
    typeAtCaret(' onwards');
    expect(blocks()).toEqual(['Notes on Mali, 2012 onwards', `> ${DRAGGED.quote} — Sahel report`, 'Later thoughts']);
  });
});
