import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { NOTE_LINK_NODE, type NoteLinkJson } from '../../../main/common/note-format';
import { textField, uidField } from './json-fields';
import { NoteLinkView } from './NoteLinkView';

/** The fields the core reads to keep backlinks true (main/common/note-format.ts NoteLinkJson). */
export type SerializedNoteLinkNode = Spread<Pick<NoteLinkJson, 'noteUid' | 'title'>, SerializedLexicalNode>;

/**
 * A link to another note. It is a decorator rather than text so it can show the target's title as
 * it is now: `title` only records what it was called when linked, for search and for a link
 * whose note has gone. The note is named by uid; null while the note it was made for is being created.
 */
export class NoteLinkNode extends DecoratorNode<JSX.Element> {
  __noteUid: string | null;
  __title: string;

  static override getType(): string {
    return NOTE_LINK_NODE;
  }

  static override clone(node: NoteLinkNode): NoteLinkNode {
    return new NoteLinkNode(node.__noteUid, node.__title, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): NoteLinkNode {
    return $createNoteLinkNode(uidField(json.noteUid), textField(json.title));
  }

  constructor(noteUid: string | null, title: string, key?: NodeKey) {
    super(key);
    this.__noteUid = noteUid;
    this.__title = title;
  }

  override exportJSON(): SerializedNoteLinkNode {
    return { type: NOTE_LINK_NODE, version: 1, noteUid: this.__noteUid, title: this.__title };
  }

  /** Copied out of the editor it is the title: a note's address means nothing outside this library. */
  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.textContent = this.__title;
    return { element: span };
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

  getNoteUid(): string | null {
    return this.getLatest().__noteUid;
  }

  setNoteUid(noteUid: string): this {
    const writable = this.getWritable();
    writable.__noteUid = noteUid;
    return writable;
  }

  override decorate(): JSX.Element {
    return <NoteLinkView noteUid={this.__noteUid} linkedTitle={this.__title} />;
  }
}

export function $createNoteLinkNode(noteUid: string | null, title: string): NoteLinkNode {
  return $applyNodeReplacement(new NoteLinkNode(noteUid, title));
}

export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode;
}
