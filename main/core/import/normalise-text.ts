/**
 * Elements that start a new line of plain text. Between them we put "\n\n" text nodes: invisible
 * in the rendered page (white-space collapses), but they make the document's textContent read as
 * paragraphs, which is the text that search snippets, quotes and selectors count in.
 */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
/** The only whitespace HTML collapses; a no-break space is content and stays. */
const COLLAPSIBLE = /[ \t\n\f\r]+/g;

export interface NormalisedDocument {
  html: string;
  text: string;
}

/**
 * Rewrites sanitised content so that its textContent is the document's plain text, exactly. The
 * renderer parses the returned HTML, so offsets counted here are offsets in the reader's DOM too.
 * `root` is changed in place; its own tag and attributes are not part of the result.
 */
export function normaliseDocument(root: HTMLElement): NormalisedDocument {
  const blocks: Element[] = [];
  collectLeafBlocks(root, blocks);
  for (const block of blocks) collapseWhitespace(block);
  dropUnreferencedIds(root);
  rebuildBlockSeparators(root);
  unwrapRedundantWrappers(root);
  const text = root.textContent ?? '';
  return { html: root.innerHTML, text };
}

function collectLeafBlocks(element: Element, out: Element[]): void {
  if (element.tagName === 'PRE') return;
  out.push(element);
  for (const child of Array.from(element.children)) {
    if (BLOCK.has(child.tagName)) collectLeafBlocks(child, out);
  }
}

/** Collapses runs of whitespace within one block and trims its edges, leaving <pre> as written. */
function collapseWhitespace(block: Element): void {
  const texts: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* SHOW_TEXT */, {
    acceptNode: (node) => (insideOther(node, block) ? 3 /* FILTER_SKIP */ : 1 /* FILTER_ACCEPT */),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let previousEndsWithSpace = true;
  for (const node of texts) {
    let value = node.data.replace(COLLAPSIBLE, ' ');
    if (previousEndsWithSpace && value.startsWith(' ')) value = value.slice(1);
    if (value.length > 0) previousEndsWithSpace = value.endsWith(' ');
    node.data = value;
  }
  for (let i = texts.length - 1; i >= 0; i--) {
    const node = texts[i]!;
    if (node.data.length === 0) continue;
    if (node.data.endsWith(' ')) node.data = node.data.slice(0, -1);
    if (node.data.length > 0) break;
  }
  for (const node of texts) if (node.data.length === 0) node.remove();
}

/** True when node belongs to a nested block (handled on its own) or a <pre> inside `block`. */
function insideOther(node: Node, block: Element): boolean {
  for (let parent = node.parentElement; parent && parent !== block; parent = parent.parentElement) {
    if (BLOCK.has(parent.tagName)) return true;
  }
  return false;
}

function rebuildBlockSeparators(root: Element): void {
  const document = root.ownerDocument;
  const walk = (element: Element) => {
    const children = Array.from(element.childNodes);
    const hasBlockChild = children.some((c) => c.nodeType === 1 && BLOCK.has((c as Element).tagName));
    if (!hasBlockChild || element.tagName === 'PRE') return;
    for (const child of children) {
      if (child.nodeType === 3 && (child as Text).data.trim() === '') child.remove();
    }
    const kept = Array.from(element.childNodes);
    kept.forEach((child, index) => {
      if (index > 0) element.insertBefore(document.createTextNode(separatorBefore(child)), child);
      if (child.nodeType === 1) walk(child as Element);
    });
  };
  walk(root);
}

function separatorBefore(node: Node): string {
  const tag = node.nodeType === 1 ? (node as Element).tagName : '';
  return tag === 'LI' || tag === 'TR' || tag === 'TD' || tag === 'TH' || tag === 'DD' || tag === 'DT' ? '\n' : '\n\n';
}

/** Ids matter only as footnote targets; the rest are page-builder noise. */
function dropUnreferencedIds(root: Element): void {
  const referenced = new Set<string>();
  for (const link of root.querySelectorAll('a[href^="#"]')) referenced.add(link.getAttribute('href')!.slice(1));
  for (const element of root.querySelectorAll('[id]')) {
    if (!referenced.has(element.id)) element.removeAttribute('id');
  }
}

const WRAPPERS = new Set(['DIV', 'ARTICLE', 'SECTION']);

/** Readability wraps content in nested containers that carry no meaning; fewer levels read the same. */
function unwrapRedundantWrappers(root: Element): void {
  for (;;) {
    const only = root.childNodes.length === 1 ? (root.firstChild as Element | null) : null;
    if (!only || only.nodeType !== 1 || !WRAPPERS.has(only.tagName) || only.attributes.length > 0) return;
    root.replaceChildren(...Array.from(only.childNodes));
  }
}
