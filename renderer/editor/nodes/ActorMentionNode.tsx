import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { ACTOR_MENTION_NODE, type ActorMentionJson } from '../../../main/common/note-format';
import { ActorMentionView } from './ActorMentionView';
import { textField, uidField } from './json-fields';

/** The fields the core reads (main/common/note-format.ts ActorMentionJson). */
export type SerializedActorMentionNode = Spread<Pick<ActorMentionJson, 'actorUid' | 'name'>, SerializedLexicalNode>;

/**
 * A mention of an actor. Like a note link it is a decorator so it shows the actor's name and
 * colour as they are now; `name` keeps what it was called when mentioned.
 */
export class ActorMentionNode extends DecoratorNode<JSX.Element> {
  __actorUid: string | null;
  __name: string;

  static override getType(): string {
    return ACTOR_MENTION_NODE;
  }

  static override clone(node: ActorMentionNode): ActorMentionNode {
    return new ActorMentionNode(node.__actorUid, node.__name, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): ActorMentionNode {
    return $createActorMentionNode(uidField(json.actorUid), textField(json.name));
  }

  constructor(actorUid: string | null, name: string, key?: NodeKey) {
    super(key);
    this.__actorUid = actorUid;
    this.__name = name;
  }

  override exportJSON(): SerializedActorMentionNode {
    return { type: ACTOR_MENTION_NODE, version: 1, actorUid: this.__actorUid, name: this.__name };
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

  getActorUid(): string | null {
    return this.getLatest().__actorUid;
  }

  override decorate(): JSX.Element {
    return <ActorMentionView actorUid={this.__actorUid} mentionedName={this.__name} />;
  }
}

export function $createActorMentionNode(actorUid: string | null, name: string): ActorMentionNode {
  return $applyNodeReplacement(new ActorMentionNode(actorUid, name));
}

export function $isActorMentionNode(node: LexicalNode | null | undefined): node is ActorMentionNode {
  return node instanceof ActorMentionNode;
}
