import { defaultTreeAdapter, parse } from 'parse5';
import {
  attribute,
  createElement,
  elementsUnder,
  isElement,
  setAttribute,
  setChildren,
  textContent,
  type TreeElement,
  type TreeFragment,
  type TreeParent,
} from '../html-tree';
import type { EpubArchive } from './epub-archive';
import { resolveHref } from './epub-paths';
import { openSelfClosedElements } from './xhtml-as-html';

/**
 * The whole book as one tree, ready for the sanitiser: a <section> per chapter, in spine order.
 * Ids are made unique across chapters (each chapter's ids get its own prefix), and links between
 * chapters become links inside the one document, so footnotes and cross-references still work.
 */
export interface BookTree {
  root: TreeFragment;
  /** One per chapter, in reading order. */
  sections: TreeElement[];
  /** Each chapter's first heading, for a chapter the contents do not name. */
  headings: Array<string | null>;
  /** `path#id` → the element with that id, for the contents' targets. */
  anchors: Map<string, TreeElement>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function buildBookTree(archive: EpubArchive, chapters: readonly string[], rightToLeft: boolean): BookTree {
  const root = defaultTreeAdapter.createDocumentFragment();
  const chapterIndex = new Map(chapters.map((path, index) => [path, index]));
  const sections: TreeElement[] = [];
  const headings: Array<string | null> = [];
  const anchors = new Map<string, TreeElement>();
  chapters.forEach((path, index) => {
    const page = parse(openSelfClosedElements(archive.readText(path, 'chapter')));
    const html = page.childNodes.find((node): node is TreeElement => isElement(node) && node.tagName === 'html');
    const body = html?.childNodes.find((node): node is TreeElement => isElement(node) && node.tagName === 'body');
    const section = createElement('section', root);
    setAttribute(section, 'id', chapterId(index));
    for (const name of ['lang', 'dir'] as const) {
      const value = (body && languageOrDirection(body, name)) ?? (html && languageOrDirection(html, name));
      if (value) setAttribute(section, name, value);
    }
    if (rightToLeft && attribute(section, 'dir') === null) setAttribute(section, 'dir', 'rtl');
    if (body) {
      relink(body, path, index, chapterIndex, anchors);
      setChildren(section, body.childNodes);
    }
    headings.push(firstHeading(section));
    sections.push(section);
  });
  setChildren(root, sections);
  return { root, sections, headings, anchors };
}

export function chapterId(index: number): string {
  return `chapter-${index + 1}`;
}

function languageOrDirection(element: TreeElement, name: 'lang' | 'dir'): string | null {
  const value = (attribute(element, name) ?? (name === 'lang' ? attribute(element, 'xml:lang') : null))?.trim();
  if (!value) return null;
  if (name === 'dir') return ['rtl', 'ltr', 'auto'].includes(value.toLowerCase()) ? value.toLowerCase() : null;
  return value;
}

function relink(body: TreeParent, path: string, index: number, chapterIndex: ReadonlyMap<string, number>, anchors: Map<string, TreeElement>): void {
  for (const element of elementsUnder(body)) {
    const id = attribute(element, 'id');
    if (id !== null) {
      if (!anchors.has(`${path}#${id}`)) anchors.set(`${path}#${id}`, element);
      setAttribute(element, 'id', `${chapterId(index)}-${id}`);
    }
    const href = element.tagName === 'a' ? attribute(element, 'href') : null;
    if (href === null) continue;
    const target = resolveHref(path, href);
    // A web link (no book location) stays; the sanitiser and the reader decide what it may do.
    if (target === null) continue;
    const targetIndex = chapterIndex.get(target.path);
    if (targetIndex === undefined) element.attrs = element.attrs.filter((attr) => attr.name !== 'href');
    else setAttribute(element, 'href', `#${chapterId(targetIndex)}${target.fragment ? `-${target.fragment}` : ''}`);
  }
}

function firstHeading(section: TreeElement): string | null {
  for (const element of elementsUnder(section)) {
    if (!HEADINGS.has(element.tagName)) continue;
    const text = textContent(element).replace(/\s+/g, ' ').trim();
    if (text) return text.slice(0, 500);
  }
  return null;
}
