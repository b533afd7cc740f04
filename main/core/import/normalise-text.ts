import {
  attribute,
  createText,
  elementsUnder,
  isElement,
  isText,
  serialiseChildren,
  setChildren,
  textContent,
  type TreeElement,
  type TreeNode,
  type TreeParent,
  type TreeText,
} from './html-tree';

/**
 * Elements that start a new line of plain text. Between them we put "\n\n" text nodes: invisible
 * in the rendered page (white-space collapses), but they make the document's textContent read as
 * paragraphs, which is the text that search snippets, quotes and selectors count in.
 */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);
/** The only whitespace HTML collapses; a no-break space is content and stays. */
const COLLAPSIBLE = /[ \t\n\f\r]+/g;

export interface NormalisedDocument {
  html: string;
  text: string;
}

export const isBlock = (node: TreeNode | undefined): node is TreeElement => node !== undefined && isElement(node) && BLOCK.has(node.tagName);

/**
 * Rewrites sanitised content so that its textContent is the document's plain text, exactly. The
 * renderer parses the returned HTML, so offsets counted here are offsets in the reader's DOM too.
 * `root` is changed in place. Every step is one pass over the tree: a book-length page costs
 * what an article costs, times its length.
 */
export function normaliseDocument(root: TreeParent, options: NormaliseOptions = {}): NormalisedDocument {
  collapseWhitespace(root);
  dropUnreferencedIds(root, options.referencedIds);
  separateBlocks(root);
  trimPreLeadingNewlines(root);
  if (options.unwrapWrappers ?? true) unwrapRedundantWrappers(root);
  return { html: serialiseChildren(root), text: textContent(root) };
}

/** For a document normalised a run of blocks at a time (see stream-article.ts). */
export interface NormaliseOptions {
  /** The ids links point at in the whole document, when root holds only part of it. */
  referencedIds?: ReadonlySet<string>;
  /** Only the whole document's root may be unwrapped: a part's lone wrapper has siblings elsewhere. */
  unwrapWrappers?: boolean;
}

/**
 * Within each block, collapses runs of whitespace and trims the block's edges, leaving <pre> as
 * written. A text node belongs to its nearest enclosing block (or to root).
 */
function collapseWhitespace(root: TreeParent): void {
  const groups: TreeText[][] = [[]];
  const stack: Array<[TreeNode, TreeText[]]> = root.childNodes.map((node): [TreeNode, TreeText[]] => [node, groups[0]!]).reverse();
  while (stack.length > 0) {
    const [node, group] = stack.pop()!;
    if (isText(node)) {
      group.push(node);
      continue;
    }
    if (!isElement(node) || node.tagName === 'pre') continue;
    let inner = group;
    if (BLOCK.has(node.tagName)) {
      inner = [];
      groups.push(inner);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push([node.childNodes[i]!, inner]);
  }
  const emptied = new Set<TreeParent>();
  for (const texts of groups) {
    let previousEndsWithSpace = true;
    for (const node of texts) {
      let value = node.value.replace(COLLAPSIBLE, ' ');
      if (previousEndsWithSpace && value.startsWith(' ')) value = value.slice(1);
      if (value.length > 0) previousEndsWithSpace = value.endsWith(' ');
      node.value = value;
    }
    for (let i = texts.length - 1; i >= 0; i--) {
      const node = texts[i]!;
      if (node.value.length === 0) continue;
      if (node.value.endsWith(' ')) node.value = node.value.slice(0, -1);
      if (node.value.length > 0) break;
    }
    for (const node of texts) if (node.value.length === 0 && node.parentNode) emptied.add(node.parentNode);
  }
  for (const parent of emptied) {
    setChildren(parent, parent.childNodes.filter((child) => !isText(child) || child.value.length > 0));
  }
}

/** Ids matter only as footnote targets; the rest are page-builder noise. */
function dropUnreferencedIds(root: TreeParent, given: ReadonlySet<string> | undefined): void {
  const referenced = given ?? referencedIds(root);
  const withId: TreeElement[] = [];
  for (const element of elementsUnder(root)) if (attribute(element, 'id') !== null) withId.push(element);
  for (const element of withId) {
    if (!referenced.has(attribute(element, 'id')!)) element.attrs = element.attrs.filter((attr) => attr.name !== 'id');
  }
}

/** The ids that links under root point at (`href="#id"`), as the sanitiser left them. */
export function referencedIds(root: TreeParent): Set<string> {
  const referenced = new Set<string>();
  for (const element of elementsUnder(root)) {
    const href = element.tagName === 'a' ? attribute(element, 'href') : null;
    if (href?.startsWith('#')) referenced.add(href.slice(1));
  }
  return referenced;
}

/**
 * Puts a separator wherever a block begins or ends, and nowhere else: inline runs ("<b>Note</b>:
 * the <em>Islamic</em> State") keep their words and spaces exactly as written. A line break
 * shows as one, so a newline follows each <br>: without it the words either side would join.
 * Nothing inside a <pre> changes.
 */
function separateBlocks(root: TreeParent): void {
  const stack: TreeParent[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (isElement(element) && element.tagName === 'pre') continue;
    const children = element.childNodes;
    const hasBlock = children.some((child) => isBlock(child));
    const hasBreak = children.some((child) => isElement(child) && child.tagName === 'br');
    if (hasBlock || hasBreak) {
      // Whitespace beside a block is layout, not content; between two inline nodes it is a space.
      const kept = hasBlock
        ? children.filter((child, index) => {
            const besideBlock = index === 0 || index === children.length - 1 || isBlock(children[index - 1]) || isBlock(children[index + 1]);
            return !(isText(child) && child.value.trim() === '' && besideBlock);
          })
        : children;
      const out: TreeNode[] = [];
      kept.forEach((child, index) => {
        if (index > 0 && (isBlock(child) || isBlock(kept[index - 1]))) out.push(createText(separatorBefore(child), element));
        out.push(child);
        if (isElement(child) && child.tagName === 'br') out.push(createText('\n', element));
      });
      setChildren(element, out);
    }
    for (const child of element.childNodes) if (isElement(child)) stack.push(child);
  }
}

/** What separates a block from what comes before it. */
export function separatorBefore(node: TreeNode): string {
  const tag = isElement(node) ? node.tagName : '';
  return tag === 'li' || tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'dd' || tag === 'dt' ? '\n' : '\n\n';
}

/**
 * An HTML parser drops a newline right after <pre>, so a <pre> whose text starts with one would
 * lose it when the reader parses the stored HTML, shifting every offset after it. Drop it here.
 */
function trimPreLeadingNewlines(root: TreeParent): void {
  for (const pre of elementsUnder(root)) {
    if (pre.tagName !== 'pre' && pre.tagName !== 'textarea' && pre.tagName !== 'listing') continue;
    const first = pre.childNodes[0];
    // All of them: with one left, the parser would drop that one instead.
    if (first && isText(first)) first.value = first.value.replace(/^\n+/, '');
  }
}

export const WRAPPERS = new Set(['div', 'article', 'section']);

/** Readability wraps content in nested containers that carry no meaning; fewer levels read the same. */
function unwrapRedundantWrappers(root: TreeParent): void {
  for (;;) {
    const only = root.childNodes.length === 1 ? root.childNodes[0]! : null;
    if (!only || !isElement(only) || !WRAPPERS.has(only.tagName) || only.attrs.length > 0) return;
    setChildren(root, only.childNodes);
  }
}
