import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { ACTOR_MENTION_NODE } from '../../../main/common/note-format';
import { ActorMentionView } from './ActorMentionView';
import { idField, textField } from './json-fields';

/** The fields the core reads (main/common/note-format.ts ACTOR_MENTION_NODE). */
export type SerializedActorMentionNode = Spread<{ actorId: number; name: string }, SerializedLexicalNode>;

/**
 * A mention of an actor. Like a note link it is a decorator so it shows the actor's name and
 * colour as they are now; `name` keeps what it was called when mentioned.
 */
export class ActorMentionNode extends DecoratorNode<JSX.Element> {
  __actorId: number;
  __name: string;

  static override getType(): string {
    return ACTOR_MENTION_NODE;
  }

  static override clone(node: ActorMentionNode): ActorMentionNode {
    return new ActorMentionNode(node.__actorId, node.__name, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): ActorMentionNode {
    return $createActorMentionNode(idField(json.actorId), textField(json.name));
  }

  constructor(actorId: number, name: string, key?: NodeKey) {
    super(key);
    this.__actorId = actorId;
    this.__name = name;
  }

  override exportJSON(): SerializedActorMentionNode {
    return { type: ACTOR_MENTION_NODE, version: 1, actorId: this.__actorId, name: this.__name };
  }

  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.textContent = `@${this.__name}`;
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
    return `@${this.__name}`;
  }

  getActorId(): number {
    return this.getLatest().__actorId;
  }

  override decorate(): JSX.Element {
    return <ActorMentionView actorId={this.__actorId} mentionedName={this.__name} />;
  }
}

export function $createActorMentionNode(actorId: number, name: string): ActorMentionNode {
  return $applyNodeReplacement(new ActorMentionNode(actorId, name));
}

export function $isActorMentionNode(node: LexicalNode | null | undefined): node is ActorMentionNode {
  return node instanceof ActorMentionNode;
}
