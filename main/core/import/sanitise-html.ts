import { DOCUMENT_ATTRIBUTES, DOCUMENT_TAGS, SAFE_IMAGE, SAFE_LINK } from '../../common/document-policy';
import {
  attribute,
  createElement,
  createText,
  HTML_NS,
  isElement,
  parseBodyFragment,
  serialiseChildren,
  setAttribute,
  setChildren,
  type TreeElement,
  type TreeNode,
  type TreeParent,
} from './html-tree';

/*
 * An allow-list over a tree that a standards parser built: every element outside the reading
 * vocabulary goes, every attribute outside it goes, and what is left is written out by the same
 * standards serialiser. The output can hold no tag or attribute but the allowed ones (text and
 * attribute values are escaped), and no element that switches the parser into raw text or foreign
 * content, so however a browser reads it back, nothing in it can run or load. (The reader runs
 * DOMPurify over it once more before showing it.)
 */

const ALLOWED_TAGS = new Set(DOCUMENT_TAGS);
const ALLOWED_ATTRIBUTES = new Set(DOCUMENT_ATTRIBUTES);

/**
 * Elements whose content is not prose: code, styles, embedded documents, form controls and
 * media fallbacks go whole. Any other element outside the vocabulary leaves its content behind.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'noembed', 'noframes', 'xmp', 'plaintext', 'textarea', 'select', 'button', 'input', 'option', 'datalist',
  'audio', 'video', 'canvas', 'colgroup', 'marquee', 'math', 'svg',
]);

/** Ids are prefixed so that none can clobber a global such as window.name (the reader insists on it). */
const ID_PREFIX = 'user-content-';

/** Strips, in place, every script, handler, style, form, frame and remote resource under root. */
export function sanitiseTree(root: TreeParent): void {
  const stack: TreeParent[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const kept = keptChildren(parent);
    setChildren(parent, kept);
    for (const child of kept) if (isElement(child)) stack.push(child);
  }
}

/** The same, for a DOM element (an archive's rows are checked with it): its markup is replaced. */
export function sanitiseInPlace(root: HTMLElement): void {
  const tree = parseBodyFragment(root.innerHTML);
  sanitiseTree(tree);
  root.innerHTML = serialiseChildren(tree);
}

/**
 * A parent's children once sanitised. Unwrapped elements are flattened here rather than revisited,
 * one level at a time, so a long run of them costs one pass.
 */
function keptChildren(parent: TreeParent): TreeNode[] {
  const out: TreeNode[] = [];
  const pending: TreeNode[] = [...parent.childNodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeName === '#text') out.push(node);
    else if (isElement(node)) {
      const tag = node.tagName;
      // Anything outside HTML's namespace is SVG or MathML: a picture or a formula, not prose.
      if (node.namespaceURI !== HTML_NS || DROPPED_WITH_CONTENT.has(tag)) continue;
      if (!ALLOWED_TAGS.has(tag)) {
        for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
        continue;
      }
      if (tag === 'img' && !SAFE_IMAGE.test(attribute(node, 'src') ?? '')) {
        out.push(remoteImagePlaceholder(node, parent));
        continue;
      }
      cleanAttributes(node);
      out.push(node);
    }
    // Comments, doctypes and processing instructions carry nothing a reader shows.
  }
  return out;
}

function cleanAttributes(element: TreeElement): void {
  element.attrs = element.attrs.filter((attr) => !attr.namespace && ALLOWED_ATTRIBUTES.has(attr.name));
  const href = attribute(element, 'href');
  if (href !== null) {
    const target = href.trim();
    if (element.tagName !== 'a' || !SAFE_LINK.test(target)) removeAttribute(element, 'href');
    // Footnote links point at ids that get the prefix below; follow them. A link that already
    // has it points at an id that keeps it, so sanitising its own output changes nothing.
    else if (target.startsWith('#') && target.length > 1 && !target.startsWith(`#${ID_PREFIX}`)) {
      setAttribute(element, 'href', `#${ID_PREFIX}${target.slice(1)}`);
    }
  }
  if (element.tagName !== 'img') removeAttribute(element, 'src');
  const id = attribute(element, 'id');
  if (id !== null && !id.startsWith(ID_PREFIX)) setAttribute(element, 'id', `${ID_PREFIX}${id}`);
}

function removeAttribute(element: TreeElement, name: string): void {
  element.attrs = element.attrs.filter((attr) => attr.name !== name);
}

/**
 * Remote images would reach the network when shown. What stays is what the image was, in the
 * text ("[Image: a map of Mali]"), and where it was, in the tooltip: an address in the text would
 * be noise in every search, quote and word count (a CDN's runs to hundreds of characters).
 */
function remoteImagePlaceholder(image: TreeElement, parent: TreeParent): TreeElement {
  const placeholder = createElement('span', parent);
  const src = attribute(image, 'src')?.trim();
  const alt = attribute(image, 'alt')?.replace(/\s+/g, ' ').trim();
  setAttribute(placeholder, 'title', `Image not loaded${src ? ` (${src})` : ''}: Fieldbook never fetches from the network`);
  setChildren(placeholder, [createText(`[Image${alt ? `: ${alt}` : ''}]`, placeholder)]);
  return placeholder;
}
