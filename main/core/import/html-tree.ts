import { defaultTreeAdapter, html as parse5Html, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

/*
 * An article's HTML is read by parse5, the WHATWG parser that jsdom is built on, into plain
 * objects: the tree a browser would build from the same markup, at a fraction of a full DOM's time
 * and memory. Sanitising and normalising walk these trees, each in one pass.
 */

export type TreeFragment = DefaultTreeAdapterMap['documentFragment'];
export type TreeElement = DefaultTreeAdapterMap['element'];
export type TreeText = DefaultTreeAdapterMap['textNode'];
export type TreeNode = DefaultTreeAdapterMap['childNode'];
export type TreeParent = DefaultTreeAdapterMap['parentNode'];

export const HTML_NS = parse5Html.NS.HTML;

/** A fragment as `innerHTML` on a <div> reads it, which is how the reader shows stored HTML. */
export function parseBodyFragment(html: string): TreeFragment {
  const text = new TextPieces<TreeText>((node, value) => (node.value = value));
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    insertText(parent, value) {
      const last = parent.childNodes[parent.childNodes.length - 1];
      if (last && isText(last)) text.append(last, last.value, value);
      else defaultTreeAdapter.appendChild(parent, defaultTreeAdapter.createTextNode(value));
    },
    insertTextBefore(parent, value, reference) {
      const previous = parent.childNodes[parent.childNodes.indexOf(reference) - 1];
      if (previous && isText(previous)) text.append(previous, previous.value, value);
      else defaultTreeAdapter.insertBefore(parent, defaultTreeAdapter.createTextNode(value), reference);
    },
  };
  const fragment = parseFragment(defaultTreeAdapter.createElement('div', HTML_NS, []), html, { treeAdapter });
  text.flush();
  return fragment;
}

/**
 * The parser hands a text node its characters a run at a time (a word, then a space, ...);
 * appending each to the node's string makes a rope of millions of pieces on a book-length page,
 * several times the size of its text. The runs are kept here and joined into one flat string.
 * Only the node being written holds runs: a node's text nearly always arrives in one stretch, so
 * its runs are joined (and become garbage) while still young, instead of a whole book's runs
 * being kept to the end of the parse and surviving into the old generation.
 */
export class TextPieces<Node extends object> {
  private node: Node | null = null;
  private runs: string[] = [];
  constructor(private readonly write: (node: Node, value: string) => void) {}

  /** `held` is what the node holds so far; only the first of a stretch of calls reads it. */
  append(node: Node, held: string, value: string): void {
    if (node !== this.node) {
      this.flush();
      this.node = node;
      this.runs = [held];
    }
    this.runs.push(value);
  }

  /** Writes the runs held so far: when another node is written to, and when parsing ends. */
  flush(): void {
    if (this.node !== null) this.write(this.node, this.runs.join(''));
    this.node = null;
    this.runs = [];
  }
}

export function serialiseChildren(parent: TreeParent): string {
  return serialize(parent);
}

export function isElement(node: TreeNode | TreeParent): node is TreeElement {
  return 'tagName' in node;
}

export function isText(node: TreeNode): node is TreeText {
  return node.nodeName === '#text';
}

export function attribute(element: TreeElement, name: string): string | null {
  for (const attr of element.attrs) if (attr.name === name && !attr.namespace) return attr.value;
  return null;
}

export function setAttribute(element: TreeElement, name: string, value: string): void {
  const existing = element.attrs.find((attr) => attr.name === name && !attr.namespace);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

export function createText(value: string, parentNode: TreeParent): TreeText {
  return { nodeName: '#text', value, parentNode };
}

export function createElement(tagName: string, parentNode: TreeParent | null): TreeElement {
  const element = defaultTreeAdapter.createElement(tagName, HTML_NS, []);
  element.parentNode = parentNode;
  return element;
}

/** Replaces a parent's children, pointing each back at it: one pass, however many there are. */
export function setChildren(parent: TreeParent, children: TreeNode[]): void {
  for (const child of children) child.parentNode = parent;
  parent.childNodes = children;
}

/** Every element under root, depth first, in document order; iterative, so depth costs no stack. */
export function* elementsUnder(root: TreeParent): Generator<TreeElement> {
  const stack: TreeNode[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    yield node;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
}

/** The concatenated text of every text node under root, as DOM `textContent` reads it. */
export function textContent(root: TreeParent): string {
  const parts: string[] = [];
  const stack: TreeNode[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) parts.push(node.value);
    else if (isElement(node)) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return parts.join('');
}
