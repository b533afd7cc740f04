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
  breakLines(root);
  trimPreLeadingNewlines(root);
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

/**
 * Puts a separator wherever a block begins or ends, and nowhere else: inline runs ("<b>Note</b>:
 * the <em>Islamic</em> State") keep their words and spaces exactly as written.
 */
function rebuildBlockSeparators(root: Element): void {
  const document = root.ownerDocument;
  const isBlock = (node: Node | undefined) => node?.nodeType === 1 && BLOCK.has((node as Element).tagName);
  const walk = (element: Element) => {
    if (element.tagName === 'PRE') return;
    const children = Array.from(element.childNodes);
    if (children.some((child) => isBlock(child))) {
      children.forEach((child, index) => {
        // Whitespace beside a block is layout, not content; between two inline nodes it is a space.
        const besideBlock = index === 0 || index === children.length - 1 || isBlock(children[index - 1]) || isBlock(children[index + 1]);
        if (child.nodeType === 3 && (child as Text).data.trim() === '' && besideBlock) child.remove();
      });
      const kept = Array.from(element.childNodes);
      for (let index = 1; index < kept.length; index++) {
        const child = kept[index]!;
        if (isBlock(child) || isBlock(kept[index - 1])) element.insertBefore(document.createTextNode(separatorBefore(child)), child);
      }
    }
    for (const child of Array.from(element.children)) walk(child);
  };
  walk(root);
}

/** A line break shows as one; without a newline in the text, the words either side would join. */
function breakLines(root: Element): void {
  for (const br of Array.from(root.querySelectorAll('br'))) {
    if (br.closest('pre')) continue;
    br.after(root.ownerDocument.createTextNode('\n'));
  }
}

/**
 * An HTML parser drops a newline right after <pre>, so a <pre> whose text starts with one would
 * lose it when the reader parses the stored HTML, shifting every offset after it. Drop it here.
 */
function trimPreLeadingNewlines(root: Element): void {
  for (const pre of Array.from(root.querySelectorAll('pre, textarea, listing'))) {
    const first = pre.firstChild;
    if (first?.nodeType === 3 && (first as Text).data.startsWith('\n')) (first as Text).data = (first as Text).data.slice(1);
  }
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
