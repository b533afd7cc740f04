import { z } from 'zod';
import { isUid, UID_RULE } from './ids';

/**
 * A note's body: Lexical's serialized editor state, with Fieldbook's three nodes in it. This is
 * the one place that knows its shape. The renderer's node classes write these nodes; the core
 * reads them (backlinks, search text, exports, archives) through the one walk below.
 *
 * A node names what it refers to by the target's uid, which is the same in every library, so an
 * archive merged into another library or two actors merged need not rewrite any body. `null`
 * is a reference to nothing (a link whose note is still being created, or whose target is gone).
 * The other fields are what the target was called when the node was made: shown while the
 * target's current name is not known, or once it is gone.
 */
export const NOTE_LINK_NODE = 'fb-note-link';
export const ACTOR_MENTION_NODE = 'fb-actor-mention';
export const HIGHLIGHT_QUOTE_NODE = 'fb-highlight-quote';

export type ReferenceKind = 'note' | 'actor' | 'highlight' | 'document';

const reference = (field: string, node: string) =>
  z.custom<string | null>((value) => value === null || isUid(value), {
    error: (issue) =>
      issue.input === undefined
        ? `A ${node} node needs its ${field}: ${UID_RULE}, or null when it refers to nothing.`
        : `The ${field} of a ${node} node must be ${UID_RULE}, or null when it refers to nothing; it is ${describe(issue.input)}.`,
  });

const describe = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
};

const shown = (field: string, node: string) => z.string({ error: `The ${field} of a ${node} node must be text.` });

/** Loose: Lexical adds `version` (and may add more) to every node it writes. */
export const NoteLinkJson = z.looseObject({
  type: z.literal(NOTE_LINK_NODE),
  noteUid: reference('noteUid', NOTE_LINK_NODE),
  title: shown('title', NOTE_LINK_NODE),
});
export const ActorMentionJson = z.looseObject({
  type: z.literal(ACTOR_MENTION_NODE),
  actorUid: reference('actorUid', ACTOR_MENTION_NODE),
  name: shown('name', ACTOR_MENTION_NODE),
});
export const HighlightQuoteJson = z.looseObject({
  type: z.literal(HIGHLIGHT_QUOTE_NODE),
  highlightUid: reference('highlightUid', HIGHLIGHT_QUOTE_NODE),
  documentUid: reference('documentUid', HIGHLIGHT_QUOTE_NODE),
  documentTitle: shown('documentTitle', HIGHLIGHT_QUOTE_NODE),
  quote: shown('quote', HIGHLIGHT_QUOTE_NODE),
});
export type NoteLinkJson = z.output<typeof NoteLinkJson>;
export type ActorMentionJson = z.output<typeof ActorMentionJson>;
export type HighlightQuoteJson = z.output<typeof HighlightQuoteJson>;

const FIELDBOOK_NODES = {
  [NOTE_LINK_NODE]: NoteLinkJson,
  [ACTOR_MENTION_NODE]: ActorMentionJson,
  [HIGHLIGHT_QUOTE_NODE]: HighlightQuoteJson,
} as const;

/** The uid fields each of Fieldbook's nodes holds, and what kind of row each names. */
export const NODE_REFERENCES = {
  [NOTE_LINK_NODE]: { noteUid: 'note' },
  [ACTOR_MENTION_NODE]: { actorUid: 'actor' },
  [HIGHLIGHT_QUOTE_NODE]: { highlightUid: 'highlight', documentUid: 'document' },
} as const satisfies Record<keyof typeof FIELDBOOK_NODES, Record<string, ReferenceKind>>;

/** Any node of the state, as read from JSON: nothing about it is known until it is checked. */
export interface NoteNode {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

const isFieldbookType = (type: unknown): type is keyof typeof FIELDBOOK_NODES => typeof type === 'string' && Object.hasOwn(FIELDBOOK_NODES, type);

/** The first problem with one of Fieldbook's nodes, in words; null for a good one or any other node. */
export function fieldbookNodeProblem(node: NoteNode): { path: PropertyKey[]; message: string } | null {
  if (!isFieldbookType(node.type)) return null;
  const parsed = FIELDBOOK_NODES[node.type].safeParse(node);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue ? { path: issue.path, message: issue.message } : null;
}

/**
 * How deep nodes may nest under the root (the root is depth 0). The door refuses input nested
 * more than 200 levels, and each node level takes two (the node and its children array), so
 * every body saved through it is within this bound; deeper ones can only come from a file.
 */
export const MAX_NOTE_DEPTH = 100;

export function childNodes(node: NoteNode): NoteNode[] {
  return Array.isArray(node.children) ? node.children.filter((c): c is NoteNode => c !== null && typeof c === 'object' && !Array.isArray(c)) : [];
}

/**
 * What a walk over a body is told. Each of Fieldbook's nodes that is well formed goes to its own
 * callback, typed, instead of `enter` (they have no children); every other node, and one of ours
 * that is malformed, goes to `enter`. Every node goes to `leave`.
 */
export interface NoteBodyVisitor {
  /** Called before a node's children; returning false skips them. */
  enter?(node: NoteNode, depth: number): boolean | void;
  /** Called after a node's children (or right after the node, when there are none or they were skipped). */
  leave?(node: NoteNode, depth: number): void;
  noteLink?(node: NoteLinkJson, depth: number): void;
  actorMention?(node: ActorMentionJson, depth: number): void;
  highlightQuote?(node: HighlightQuoteJson, depth: number): void;
}

/**
 * The one walk over a note's body: in document order, without recursion, nodes deeper than
 * `maxDepth` not visited. Bodies come from disk and from archives as well as from the editor, so
 * every reader goes through here rather than recursing on its own: a body nested 20,000 levels
 * deep must not overflow the stack of whoever reads it.
 */
export function walkNoteBody(root: unknown, visitor: NoteBodyVisitor, maxDepth = MAX_NOTE_DEPTH): void {
  if (root === null || typeof root !== 'object') return;
  type Frame = { node: NoteNode; depth: number; children: NoteNode[] | null; next: number };
  const stack: Frame[] = [{ node: root as NoteNode, depth: 0, children: null, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.children === null) frame.children = visitNode(frame.node, frame.depth, visitor) && frame.depth < maxDepth ? childNodes(frame.node) : [];
    const child = frame.children[frame.next++];
    if (child) {
      stack.push({ node: child, depth: frame.depth + 1, children: null, next: 0 });
      continue;
    }
    stack.pop();
    visitor.leave?.(frame.node, frame.depth);
  }
}

/** Hands a node to its callback; true when its children are to be visited. */
function visitNode(node: NoteNode, depth: number, visitor: NoteBodyVisitor): boolean {
  const ours = fieldbookNode(node);
  if (ours === null) return visitor.enter?.(node, depth) !== false;
  if (ours.type === NOTE_LINK_NODE) visitor.noteLink?.(ours, depth);
  else if (ours.type === ACTOR_MENTION_NODE) visitor.actorMention?.(ours, depth);
  else visitor.highlightQuote?.(ours, depth);
  return false;
}

/**
 * One of Fieldbook's nodes, typed, when the node is one and is well formed; null for any other
 * node. For code that renders a body's nodes itself (the exports), so it reads them as the walk does.
 */
export function fieldbookNode(node: NoteNode): FieldbookNodeJson | null {
  return isFieldbookType(node.type) && fieldbookNodeProblem(node) === null ? (node as FieldbookNodeJson) : null;
}

/**
 * The nodes that make a block of their own: a line of their own in a note's text, a paragraph
 * of their own in an export.
 */
export const BLOCK_NODES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'horizontalrule', HIGHLIGHT_QUOTE_NODE]);

export interface NoteReference {
  kind: ReferenceKind;
  uid: string;
}

/**
 * The body folded from the leaves up, on the same walk: each node's value is made from its
 * children's values, in order. For code that turns a body into another tree (the Markdown and
 * HTML exports), so it never recurses over a body itself. Nodes deeper than `maxDepth` are left
 * out, as the walk leaves them unvisited. Undefined only for a root that is not a node.
 */
export function foldNoteBody<T>(root: unknown, fold: (node: NoteNode, children: T[]) => T, maxDepth = MAX_NOTE_DEPTH): T | undefined {
  const values: T[][] = [[]];
  const open = () => void values.push([]);
  walkNoteBody(
    root,
    {
      enter: open,
      noteLink: open,
      actorMention: open,
      highlightQuote: open,
      leave: (node) => {
        const children = values.pop()!;
        values[values.length - 1]!.push(fold(node, children));
      },
    },
    maxDepth,
  );
  return values[0]![0];
}

export type FieldbookNodeJson = NoteLinkJson | ActorMentionJson | HighlightQuoteJson;

/** A set of references that holds each target once, in the order first named. */
export class ReferenceSet {
  private readonly found = new Map<string, NoteReference>();

  /** Adds what one of Fieldbook's nodes refers to (nothing for a null uid). */
  addFrom(node: FieldbookNodeJson): void {
    for (const [field, kind] of Object.entries(NODE_REFERENCES[node.type]) as Array<[string, ReferenceKind]>) {
      const uid = node[field];
      if (typeof uid === 'string' && !this.found.has(`${kind}:${uid}`)) this.found.set(`${kind}:${uid}`, { kind, uid });
    }
  }

  get all(): NoteReference[] {
    return [...this.found.values()];
  }
}

/** Each reference a body holds, once, in document order (a target named twice is named once). */
export function noteReferences(root: unknown): NoteReference[] {
  const references = new ReferenceSet();
  const add = (node: FieldbookNodeJson) => references.addFrom(node);
  walkNoteBody(root, { noteLink: add, actorMention: add, highlightQuote: add });
  return references.all;
}

/** The depth of the deepest node, counted without recursion; counting stops once past `limit`. */
export function noteBodyDepth(root: unknown, limit = MAX_NOTE_DEPTH): number {
  let deepest = 0;
  const note = (_node: unknown, depth: number) => void (deepest = Math.max(deepest, depth));
  walkNoteBody(root, { enter: note, noteLink: note, actorMention: note, highlightQuote: note }, limit + 1);
  return deepest;
}

/**
 * Drops, in place, whatever nests deeper than the bound, so code that renders a body by
 * recursing over it (the Markdown and HTML exports) and JSON.stringify, which recurses too,
 * only ever see a bounded tree.
 */
export function cutDeepNodes<T>(root: T, maxDepth = MAX_NOTE_DEPTH): T {
  walkNoteBody(root, {
    enter: (node, depth) => {
      if (depth === maxDepth && Array.isArray(node.children) && node.children.length > 0) node.children = [];
    },
  });
  return root;
}

/** A stored body, parsed and bounded; a body that cannot be read is an empty one. */
export function parseStoredBody(json: string): { root: NoteNode } {
  try {
    const parsed = JSON.parse(json) as { root?: unknown } | null;
    if (parsed && typeof parsed === 'object' && parsed.root !== null && typeof parsed.root === 'object') {
      cutDeepNodes(parsed.root);
      return parsed as { root: NoteNode };
    }
  } catch {
    // Falls through: a damaged body still lets the note open, export and be saved anew.
  }
  return { root: { type: 'root', children: [] } };
}

/**
 * Every problem that keeps a body from being one the editor could have saved, found in one
 * bounded walk (a body nested 10,000 levels deep is refused, never recursed into): a node
 * without a type, children that are not nodes, one of Fieldbook's nodes with a bad field, or
 * nesting deeper than MAX_NOTE_DEPTH.
 */
function checkBody(root: NoteNode, ctx: z.RefinementCtx): void {
  if (noteBodyDepth(root) > MAX_NOTE_DEPTH) {
    ctx.addIssue({ code: 'custom', path: [], message: `A note can nest at most ${MAX_NOTE_DEPTH} levels deep.` });
    return;
  }
  // The path of the node being visited (below the root), kept from the depths the walk reports.
  const path: PropertyKey[] = [];
  const nextChild: number[] = [];
  const at = (depth: number): PropertyKey[] => {
    if (depth > 0) {
      path.length = (depth - 1) * 2;
      path.push('children', nextChild[depth - 1]!++);
    }
    nextChild[depth] = 0;
    return path.slice(0, depth * 2);
  };
  const check = (node: NoteNode, depth: number) => {
    const here = at(depth);
    if (typeof node.type !== 'string' || node.type.length === 0) {
      ctx.addIssue({ code: 'custom', path: [...here, 'type'], message: 'Every node of a note must have a type.' });
    }
    const problem = fieldbookNodeProblem(node);
    if (problem) ctx.addIssue({ code: 'custom', path: [...here, ...problem.path], message: problem.message });
    if (node.children !== undefined) {
      const children = Array.isArray(node.children) ? node.children : null;
      if (!children || children.some((c) => c === null || typeof c !== 'object' || Array.isArray(c))) {
        ctx.addIssue({ code: 'custom', path: [...here, 'children'], message: `The children of a ${String(node.type)} node must be a list of nodes.` });
      }
    }
  };
  walkNoteBody(root, { enter: check, noteLink: check, actorMention: check, highlightQuote: check });
}

/** The body as the door takes it. Its size (at most MAX_NOTE_BYTES) is checked where it is serialised for storage, to serialise it once. */
export const LexicalState = z.looseObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.looseObject({ type: z.string() })) }).superRefine(checkBody),
});
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export type NoteBody = z.output<typeof LexicalState>;
