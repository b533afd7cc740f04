import { html as parse5Html, Parser, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';
import { DOCUMENT_TAGS } from '../../common/document-policy';
import { neverKept } from './never-kept';
import { MAX_DEPTH } from './parse-page';
import { DROPPED_WITH_CONTENT } from './sanitise-html';
import { feedPage } from './feed-parser';

/*
 * The first pass over a page too large to hold as a DOM (see extract-large-article.ts): the page
 * streams through parse5's tree construction, so elements nest as a browser nests them, but no
 * tree is kept. Each element keeps a few counts while it is open (its text's length, commas, text
 * inside links), hands them to its parent as it closes, and is forgotten unless it became a
 * candidate for the article's container. Candidates are scored the way Readability scores them:
 * a paragraph's score goes to its parent, half to its grandparent and less further up, each
 * candidate starts from its tag and its class and id, and links dilute it.
 */

const { NS, DOCUMENT_MODE } = parse5Html;

// Readability's own patterns (Readability.js, REGEXPS), so the two paths agree on what is chrome.
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
/** A <div> holding none of these is scored as a paragraph, as Readability turns it into one. */
const DIV_TO_P_BLOCKS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const MIN_PARAGRAPH = 25;
/** Runs of text kept for a title, heading or byline: enough for any real one. */
const MAX_COLLECTED = 400;
const ANCESTORS_SCORED = 5;
/** The tags a wrapper may have and still be unwrapped by the normaliser (normalise-text.ts). */
const WRAPPERS = new Set(['div', 'article', 'section']);
const ALLOWED_TAGS = new Set(DOCUMENT_TAGS);
/** Attributes the sanitiser keeps on a wrapper, but for its id (kept only when a link points at it). */
const KEPT_WRAPPER_ATTRIBUTES = new Set(['title', 'lang', 'dir', 'colspan', 'rowspan', 'datetime', 'href', 'alt', 'src']);

/** An element while the page streams past: only what scoring and choosing the container need. */
export class StreamedElement {
  parent: StreamedElement | null = null;
  depth = 0;
  /** In something never kept or unlikely: counts nothing, is never a candidate. */
  excluded = false;
  inLink = false;
  inTableOrCode = false;
  text = 0;
  linkText = 0;
  commas = 0;
  hasBlockDescendant = false;
  /** Element children that are not excluded, and the first of them. */
  childElements = 0;
  firstChild: StreamedElement | null = null;
  /** Text other than whitespace directly inside it. */
  hasOwnText = false;
  score: number | null = null;
  /** The index of the last element created before it closed: its descendants are (index, end]. */
  end = Number.MAX_SAFE_INTEGER;
  constructor(
    readonly index: number,
    readonly tagName: string,
    readonly namespace: parse5Html.NS,
    readonly attrs: Token.Attribute[],
  ) {}

  attribute(name: string): string | null {
    for (const attr of this.attrs) if (attr.name === name && !attr.namespace) return attr.value;
    return null;
  }
}

type Streamed = StreamedElement;
type StreamMap = TreeAdapterTypeMap<Streamed, Streamed, Streamed, Streamed, Streamed, Streamed, Streamed, Streamed, Streamed, Streamed>;

export interface PageScores {
  /** The index (in creation order) of the element whose content is the article. */
  container: number;
  /** Raw hrefs of links inside the container ("#note-1"): the ids the article keeps. */
  fragmentLinks: string[];
  title: string | null;
  metaTitle: string | null;
  firstHeading: string | null;
  byline: string | null;
  sourceUrl: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

const textOf = (parts: string[] | null) => (parts ? parts.join('').replace(/\s+/g, ' ').trim() || null : null);

/** Pass one: reads the page once, holding candidates and metadata, never the page's tree. */
export function scorePage(readPage: () => Iterable<string>): PageScores {
  let created = 0;
  let mode = DOCUMENT_MODE.NO_QUIRKS;
  const document = new StreamedElement(-1, '#document', NS.HTML, []);
  const candidates: StreamedElement[] = [];
  const links: Array<{ index: number; href: string }> = [];
  let body: StreamedElement | null = null;
  let titleText: string[] | null = null;
  let title: string | null = null;
  let firstHeading: string | null = null;
  let titleElement: StreamedElement | null = null;
  let headingText: string[] | null = null;
  let headingElement: StreamedElement | null = null;
  let bylineText: string[] | null = null;
  let bylineElement: StreamedElement | null = null;
  let byline: string | null = null;
  const meta = new Map<string, string>();

  const initialise = (element: StreamedElement) => {
    if (element.score !== null) return;
    candidates.push(element);
    element.score = tagWeight(element.tagName) + classWeight(element);
  };

  const adapter: TreeAdapter<StreamMap> = {
    createDocument: () => document,
    createDocumentFragment: () => new StreamedElement(-1, '#document-fragment', NS.HTML, []),
    createElement(tagName, namespace, attrs) {
      const element = new StreamedElement(created++, tagName, namespace, attrs);
      if (tagName === 'body' && !body) body = element;
      else if (tagName === 'title' && !titleElement) [titleElement, titleText] = [element, []];
      else if (tagName === 'h1' && !headingElement) [headingElement, headingText] = [element, []];
      else if (tagName === 'meta') readMeta(element, meta);
      else if (tagName === 'link' && /\bcanonical\b/i.test(element.attribute('rel') ?? '')) meta.set('canonical', element.attribute('href') ?? '');
      return element;
    },
    createCommentNode: () => new StreamedElement(-1, '#comment', NS.HTML, []),
    createTextNode: () => new StreamedElement(-1, '#text', NS.HTML, []),
    appendChild(parent, node) {
      let target = parent;
      while (target.parent && target.depth >= MAX_DEPTH) target = target.parent;
      attach(target, node);
    },
    insertBefore: (parent, node) => attach(parent, node),
    setTemplateContent: () => undefined,
    getTemplateContent: () => new StreamedElement(-1, '#document-fragment', NS.HTML, []),
    setDocumentType: () => undefined,
    setDocumentMode: (_document, value) => void (mode = value),
    getDocumentMode: () => mode,
    detachNode: () => undefined,
    insertText: (parent, text) => addText(parent, text),
    insertTextBefore: (parent, text) => addText(parent, text),
    adoptAttributes(recipient, attrs) {
      for (const attr of attrs) if (recipient.attribute(attr.name) === null) recipient.attrs.push(attr);
    },
    getFirstChild: () => null,
    getChildNodes: () => [],
    getParentNode: (node) => node.parent,
    getAttrList: (element) => element.attrs,
    getTagName: (element) => element.tagName,
    getNamespaceURI: (element) => element.namespace,
    getTextNodeContent: () => '',
    getCommentNodeContent: () => '',
    getDocumentTypeNodeName: () => '',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node): node is Streamed => node.tagName === '#text',
    isCommentNode: (node): node is Streamed => node.tagName === '#comment',
    isDocumentTypeNode: (node): node is Streamed => node.tagName === '#doctype',
    isElementNode: (node): node is Streamed => node.index >= 0,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
    onItemPop: (element) => close(element),
  };

  function attach(parent: StreamedElement, node: StreamedElement): void {
    if (node.index < 0) return;
    node.parent = parent;
    node.depth = parent.depth + 1;
    const tag = node.tagName;
    node.inLink = parent.inLink || tag === 'a';
    node.inTableOrCode = parent.inTableOrCode || tag === 'table' || tag === 'code';
    const attribute = (name: string) => node.attribute(name);
    node.excluded = parent.excluded || neverKept(tag, node.namespace, attribute) || excludedFromArticle(tag, attribute, parent.inTableOrCode);
    if (!bylineElement && !parent.excluded && isByline(node)) {
      bylineElement = node;
      bylineText = [];
    }
    if (node.excluded) return;
    if (parent.childElements++ === 0) parent.firstChild = node;
    if (tag === 'a') {
      const href = node.attribute('href');
      if (href !== null && href.trim().startsWith('#')) links.push({ index: node.index, href });
    }
  }

  function addText(parent: StreamedElement, text: string): void {
    // Collected while each is open (its text arrives then), up to a few lines' worth.
    if (titleText !== null && titleText.length < MAX_COLLECTED) titleText.push(text);
    if (headingText !== null && headingText.length < MAX_COLLECTED) headingText.push(text);
    if (bylineText !== null && bylineText.length < MAX_COLLECTED) bylineText.push(text);
    if (parent.excluded) return;
    const blank = text.trim() === '';
    parent.text += blank ? 1 : text.length;
    if (parent.inLink && !blank) parent.linkText += text.length;
    if (!blank) {
      parent.hasOwnText = true;
      COMMAS.lastIndex = 0;
      while (COMMAS.exec(text)) parent.commas++;
    }
  }

  function close(element: StreamedElement): void {
    element.end = created - 1;
    if (element === titleElement) [title, titleText] = [textOf(titleText), null];
    if (element === headingElement) [firstHeading, headingText] = [textOf(headingText), null];
    if (element === bylineElement) {
      const text = textOf(bylineText);
      if (text && text.length < 100) byline = text;
      else bylineElement = null;
      bylineText = null;
    }
    const parent = element.parent;
    if (element.excluded || !parent) return;
    parent.text += element.text;
    parent.linkText += element.linkText;
    parent.commas += element.commas;
    parent.hasBlockDescendant ||= element.hasBlockDescendant || DIV_TO_P_BLOCKS.has(element.tagName);
    const scored = TAGS_TO_SCORE.has(element.tagName) || (element.tagName === 'div' && !element.hasBlockDescendant);
    if (!scored || element.text < MIN_PARAGRAPH) return;
    const score = 1 + element.commas + Math.min(Math.floor(element.text / 100), 3);
    let ancestor: StreamedElement | null = parent;
    for (let level = 0; level < ANCESTORS_SCORED && ancestor?.parent && ancestor.parent.index >= 0; level++) {
      initialise(ancestor);
      ancestor.score! += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      ancestor = ancestor.parent;
    }
  }

  const parser = new Parser<StreamMap>({ treeAdapter: adapter, scriptingEnabled: false });
  feedPage(parser, readPage);

  const container = chooseContainer(candidates, body, links);
  return {
    container: container?.index ?? -1,
    fragmentLinks: container ? links.filter(({ index }) => index > container.index && index <= container.end).map(({ href }) => href) : [],
    title,
    metaTitle: meta.get('og:title') ?? meta.get('dc:title') ?? meta.get('twitter:title') ?? null,
    firstHeading,
    byline: meta.get('author') ?? byline,
    siteName: meta.get('og:site_name') ?? null,
    publishedTime: meta.get('article:published_time') ?? meta.get('date') ?? null,
    sourceUrl: [meta.get('canonical'), meta.get('og:url')].map((url) => url?.trim()).find((url) => url && /^https?:\/\//i.test(url)) ?? null,
  };
}

/**
 * The best candidate once links are discounted; as Readability does, an only child gives way to
 * its parent. Then wrappers the sanitiser or the normaliser would unwrap anyway (a lone <div> with
 * nothing to keep, a <main>) are stepped into, so that the article's blocks are the container's
 * children and can be written out a run at a time.
 */
function chooseContainer(candidates: StreamedElement[], body: StreamedElement | null, links: Array<{ index: number; href: string }>): StreamedElement | null {
  let best: StreamedElement | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const density = candidate.text > 0 ? candidate.linkText / candidate.text : 0;
    const score = candidate.score! * (1 - density);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  let container = best ?? body;
  while (container?.parent && container.parent !== body && container.parent.index >= 0 && container.parent.childElements === 1) container = container.parent;
  const referenced = new Set(links.map(({ href }) => href.trim()));
  while (container && container.childElements === 1 && !container.hasOwnText && unwrappable(container.firstChild!, referenced)) container = container.firstChild;
  return container;
}

function unwrappable(element: StreamedElement, referenced: Set<string>): boolean {
  if (element.namespace !== NS.HTML || DROPPED_WITH_CONTENT.has(element.tagName)) return false;
  // The sanitiser puts the content of an element outside the vocabulary (<main>, <font>) in its place.
  if (!ALLOWED_TAGS.has(element.tagName)) return true;
  if (!WRAPPERS.has(element.tagName)) return false;
  if (element.attrs.some((attr) => KEPT_WRAPPER_ATTRIBUTES.has(attr.name))) return false;
  const id = element.attribute('id');
  return id === null || (!referenced.has(`#${id}`) && !referenced.has(`#${id.replace(/^user-content-/, '')}`));
}

const KEPT_META = new Set(['author', 'og:title', 'og:url', 'dc:title', 'twitter:title', 'og:site_name', 'article:published_time', 'date']);

function readMeta(element: StreamedElement, meta: Map<string, string>): void {
  const content = element.attribute('content')?.trim();
  if (!content) return;
  for (const key of [element.attribute('property'), element.attribute('name')]) {
    const name = key?.trim().toLowerCase();
    if (!name || meta.has(name)) continue;
    if (KEPT_META.has(name)) meta.set(name, content);
  }
}

/**
 * What Readability removes before it scores: hidden elements, menus and dialogs, and elements
 * whose class or id says they are chrome (but in a table or code, where class names say nothing).
 */
export function excludedFromArticle(tagName: string, attribute: (name: string) => string | null, inTableOrCode: boolean): boolean {
  if (attribute('hidden') !== null || attribute('aria-hidden') === 'true') return true;
  if (HIDDEN_STYLE.test(attribute('style') ?? '')) return true;
  if (UNLIKELY_ROLES.has(attribute('role') ?? '')) return true;
  if (tagName === 'body' || tagName === 'a' || tagName === 'html' || inTableOrCode) return false;
  const match = `${attribute('class') ?? ''} ${attribute('id') ?? ''}`;
  return UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match);
}

function isByline(element: StreamedElement): boolean {
  if (element.attribute('rel') === 'author' || (element.attribute('itemprop') ?? '').includes('author')) return true;
  return BYLINE.test(`${element.attribute('class') ?? ''} ${element.attribute('id') ?? ''}`);
}

function tagWeight(tagName: string): number {
  switch (tagName) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form':
      return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th':
      return -5;
    default:
      return 0;
  }
}

function classWeight(element: StreamedElement): number {
  let weight = 0;
  for (const value of [element.attribute('class'), element.attribute('id')]) {
    if (!value) continue;
    if (NEGATIVE.test(value)) weight -= 25;
    if (POSITIVE.test(value)) weight += 25;
  }
  return weight;
}
