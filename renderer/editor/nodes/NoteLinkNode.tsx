import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { NOTE_LINK_NODE } from '../../../main/common/note-format';
import { hashForRoute } from '../../route';
import { idField, textField } from './json-fields';
import { NoteLinkView } from './NoteLinkView';

/** The fields the core reads to keep backlinks true (main/common/note-format.ts NOTE_LINK_NODE). */
export type SerializedNoteLinkNode = Spread<{ noteId: number; title: string }, SerializedLexicalNode>;

/**
 * A link to another note. It is a decorator rather than text so it can show the target's title as
 * it is now: `title` only records what it was called when linked, for search and for a link
 * whose note has gone.
 */
export class NoteLinkNode extends DecoratorNode<JSX.Element> {
  __noteId: number;
  __title: string;

  static override getType(): string {
    return NOTE_LINK_NODE;
  }

  static override clone(node: NoteLinkNode): NoteLinkNode {
    return new NoteLinkNode(node.__noteId, node.__title, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): NoteLinkNode {
    return $createNoteLinkNode(idField(json.noteId), textField(json.title));
  }

  constructor(noteId: number, title: string, key?: NodeKey) {
    super(key);
    this.__noteId = noteId;
    this.__title = title;
  }

  override exportJSON(): SerializedNoteLinkNode {
    return { type: NOTE_LINK_NODE, version: 1, noteId: this.__noteId, title: this.__title };
  }

  override exportDOM(): DOMExportOutput {
    const anchor = document.createElement('a');
    anchor.href = hashForRoute({ kind: 'note', id: this.__noteId });
    anchor.textContent = this.__title;
    return { element: anchor };
  }

  override createDOM(): HTMLElement {
    const host = document.createElement('span');
    host.className = 'note-inline-host';
    return host;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override getTextContent(): string {
    return this.__title;
  }

  getNoteId(): number {
    return this.getLatest().__noteId;
  }

  setNoteId(noteId: number): this {
    const writable = this.getWritable();
    writable.__noteId = noteId;
    return writable;
  }

  override decorate(): JSX.Element {
    return <NoteLinkView noteId={this.__noteId} linkedTitle={this.__title} />;
  }
}

export function $createNoteLinkNode(noteId: number, title: string): NoteLinkNode {
  return $applyNodeReplacement(new NoteLinkNode(noteId, title));
}

export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode;
}
