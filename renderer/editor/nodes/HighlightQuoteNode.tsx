import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { HIGHLIGHT_QUOTE_NODE, type HighlightQuoteJson } from '../../../main/common/note-format';
import { hashForRoute, navigate } from '../../route';
import { passageRoute } from '../passage-places';
import { textField, uidField } from './json-fields';

/** What the node holds: the fields the core reads (main/common/note-format.ts HighlightQuoteJson). */
export type HighlightQuote = Pick<HighlightQuoteJson, 'highlightUid' | 'documentUid' | 'documentTitle' | 'quote'>;
export type SerializedHighlightQuoteNode = Spread<HighlightQuote, SerializedLexicalNode>;

/**
 * A passage quoted from a document, tied to its highlight. The quote is a copy, so the note
 * still reads whole if the document is replaced or the highlight deleted; the uids lead back.
 */
export class HighlightQuoteNode extends DecoratorNode<JSX.Element> {
  __quote: HighlightQuote;

  static override getType(): string {
    return HIGHLIGHT_QUOTE_NODE;
  }

  static override clone(node: HighlightQuoteNode): HighlightQuoteNode {
    return new HighlightQuoteNode(node.__quote, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): HighlightQuoteNode {
    return $createHighlightQuoteNode({
      highlightUid: uidField(json.highlightUid),
      documentUid: uidField(json.documentUid),
      documentTitle: textField(json.documentTitle),
      quote: textField(json.quote),
    });
  }

  constructor(quote: HighlightQuote, key?: NodeKey) {
    super(key);
    this.__quote = quote;
  }

  override exportJSON(): SerializedHighlightQuoteNode {
    const { highlightUid, documentUid, documentTitle, quote } = this.__quote;
    return { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid, documentUid, documentTitle, quote };
  }

  override exportDOM(): DOMExportOutput {
    const block = document.createElement('blockquote');
    block.textContent = `${this.__quote.quote} — ${this.__quote.documentTitle}`;
    return { element: block };
  }

  override createDOM(): HTMLElement {
    const host = document.createElement('div');
    host.className = 'note-quote-host';
    return host;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.__quote.quote}\n`;
  }

  getQuote(): HighlightQuote {
    return this.getLatest().__quote;
  }

  override decorate(): JSX.Element {
    return <HighlightQuoteView quote={this.__quote} nodeKey={this.getKey()} />;
  }
}

export function $createHighlightQuoteNode(quote: HighlightQuote): HighlightQuoteNode {
  return $applyNodeReplacement(new HighlightQuoteNode(quote));
}

export function $isHighlightQuoteNode(node: LexicalNode | null | undefined): node is HighlightQuoteNode {
  return node instanceof HighlightQuoteNode;
}

function HighlightQuoteView({ quote, nodeKey }: { quote: HighlightQuote; nodeKey: NodeKey }) {
  const [selected, setSelected, clearSelected] = useLexicalNodeSelection(nodeKey);
  const route = passageRoute(quote.highlightUid);
  const words = <>“{quote.quote}”</>;
  return (
    <figure
      className="note-quote"
      data-selected={selected || undefined}
      // A click on the frame (not the link) selects the block, so it can be moved or deleted like text.
      onClick={(event) => {
        if ((event.target as Element).closest('a')) return;
        if (!event.shiftKey) clearSelected();
        setSelected(true);
      }}
    >
      <blockquote className="note-quote-text">
        {route ? (
          <a
            href={hashForRoute(route)}
            onClick={(event) => {
              event.preventDefault();
              navigate(route);
            }}
          >
            <span className="visually-hidden">Open passage: </span>
            {words}
          </a>
        ) : (
          // A passage this library does not hold (its highlight never came with the note) is still read in full.
          words
        )}
      </blockquote>
      <figcaption className="note-quote-source">
        <span className="visually-hidden">From </span>
        {quote.documentTitle || 'Untitled document'}
      </figcaption>
    </figure>
  );
}
