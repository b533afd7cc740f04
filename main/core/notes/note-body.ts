/**
 * The one walk over a note's Lexical state, bounded in depth. Bodies come from disk and from
 * archives as well as from the editor, so every reader goes through here rather than recursing
 * on its own: a body nested 20,000 levels deep must not overflow the stack of whoever reads it.
 */

export interface NoteNode {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
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

export interface NoteBodyVisitor {
  /** Called before a node's children; returning false skips them. */
  enter(node: NoteNode, depth: number): boolean | void;
  /** Called after a node's children (or right after enter, when they were skipped). */
  leave?(node: NoteNode, depth: number): void;
}

/**
 * Visits nodes in document order without recursion. Nodes deeper than `maxDepth` are not
 * visited: no note saved through the app has them, and what a reader cannot show is not read.
 */
export function walkNoteBody(root: unknown, visitor: NoteBodyVisitor, maxDepth = MAX_NOTE_DEPTH): void {
  if (root === null || typeof root !== 'object') return;
  type Frame = { node: NoteNode; depth: number; children: NoteNode[] | null; next: number };
  const stack: Frame[] = [{ node: root as NoteNode, depth: 0, children: null, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.children === null) {
      const descend = visitor.enter(frame.node, frame.depth) !== false && frame.depth < maxDepth;
      frame.children = descend ? childNodes(frame.node) : [];
    }
    const child = frame.children[frame.next++];
    if (child) {
      stack.push({ node: child, depth: frame.depth + 1, children: null, next: 0 });
      continue;
    }
    stack.pop();
    visitor.leave?.(frame.node, frame.depth);
  }
}

/** The depth of the deepest node, counted without recursion; counting stops once past `limit`. */
export function noteBodyDepth(root: unknown, limit = MAX_NOTE_DEPTH): number {
  let deepest = 0;
  walkNoteBody(root, { enter: (_node, depth) => void (deepest = Math.max(deepest, depth)) }, limit + 1);
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
