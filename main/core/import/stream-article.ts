import { createHash } from 'node:crypto';
import { defaultTreeAdapter, Parser, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { createElement, isText, setAttribute, setChildren, TextPieces, type TreeElement, type TreeNode, type TreeParent, type TreeText } from './html-tree';
import { neverKept } from './never-kept';
import { isBlock, normaliseDocument, referencedIds, separatorBefore, WRAPPERS } from './normalise-text';
import { MAX_DEPTH } from './parse-page';
import { sanitiseTree } from './sanitise-html';
import { excludedFromArticle, type PageScores } from './score-page';
import { feedPage } from './feed-parser';

/*
 * The second pass over a page too large to hold as a DOM: the page streams through parse5 again,
 * and only the chosen container's content becomes a tree, a run of its blocks at a time. Each run
 * is sanitised and normalised as soon as it closes, appended to the output and dropped, so one
 * run's tree is alive at once. A run ends only between two blocks with nothing but whitespace
 * beside them at the top level: there, normalising the runs one by one writes exactly what
 * normalising the whole article at once writes (the separator between two runs is the one the
 * whole would have put there, and no top-level text is cut in two).
 */

/**
 * Characters of text in a run before it is written out: a few paragraphs. A longer run lives
 * through enough young collections to be moved to the old generation, where it is garbage only a
 * full collection frees: with 64K characters a 7 MB page peaked 20 MB higher, and with 16K its
 * peak moved by 15 MB from one import to the next, with when that collection came.
 */
const RUN_CHARACTERS = 4 * 1024;
/** Whitespace as HTML collapses it (a no-break space is text). */
const BLANK = /^[ \t\n\f\r]*$/;

export interface StreamedArticle {
  html: string;
  text: string;
  /** SHA-256 of the text, as import-document.ts computes it for any other document. */
  contentHash: string;
}

/**
 * Where the article goes as it is written, in order: its HTML and its text, each a run at a time.
 * Text is only ever cut between blocks.
 */
export interface ArticleSink {
  appendHtml(html: string): void;
  appendText(text: string): void;
}

/** Pass two, held whole: the container's content (pass one chose it), sanitised and normalised. */
export function streamArticle(
  readPage: () => Iterable<string>,
  scores: Pick<PageScores, 'container' | 'fragmentLinks'>,
  { runCharacters = RUN_CHARACTERS, expectedBytes = 0 }: { runCharacters?: number; expectedBytes?: number } = {},
): StreamedArticle {
  const whole = new WholeArticle(expectedBytes);
  writeArticle(readPage, scores, whole, { runCharacters });
  return whole.result();
}

/** Pass two: the container's content, sanitised and normalised, written to `sink` as it is read. */
export function writeArticle(
  readPage: () => Iterable<string>,
  scores: Pick<PageScores, 'container' | 'fragmentLinks'>,
  sink: ArticleSink,
  { runCharacters = RUN_CHARACTERS }: { runCharacters?: number } = {},
): void {
  const writer = new ArticleWriter(sanitisedLinkTargets(scores.fragmentLinks), runCharacters, sink);
  let created = 0;
  let root: TreeElement | null = null;
  let done = false;
  const text = new TextPieces<TreeText>((node, value) => (node.value = value));

  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(tagName, namespace, attrs) {
      const element = defaultTreeAdapter.createElement(tagName, namespace, attrs);
      if (created++ === scores.container) root = element;
      return element;
    },
    appendChild(parent, node) {
      // As parse-page.ts does (and Chromium): elements nested deeper than that become siblings.
      let target = parent;
      for (let up = parentOf(target); up && marksOf(target).depth >= MAX_DEPTH; up = parentOf(target)) target = up;
      place(target, node, null);
    },
    insertBefore: (parent, node, reference) => place(parent, node, reference),
    detachNode(node) {
      const parent = node.parentNode;
      if (parent && marksOf(parent).kept) parent.childNodes.splice(parent.childNodes.indexOf(node), 1);
      node.parentNode = null;
    },
    insertText(parent, value) {
      if (!marksOf(parent).kept) return;
      const last = parent.childNodes[parent.childNodes.length - 1];
      if (last && isText(last)) text.append(last, last.value, value);
      else parent.childNodes.push({ nodeName: '#text', value, parentNode: parent });
      writer.grew(value.length);
    },
    insertTextBefore(parent, value, reference) {
      if (!marksOf(parent).kept) return;
      const index = parent.childNodes.indexOf(reference);
      const previous = parent.childNodes[index - 1];
      if (previous && isText(previous)) text.append(previous, previous.value, value);
      else parent.childNodes.splice(index, 0, { nodeName: '#text', value, parentNode: parent });
      writer.grew(value.length);
    },
    onItemPop(element) {
      if (element.parentNode === root && root !== null && marksOf(element).kept) writer.take(root, text, element);
      else if (element === root) finish();
    },
  };

  function place(parent: TreeParent, node: TreeNode, reference: TreeNode | null): void {
    node.parentNode = parent;
    if (!('tagName' in node)) return; // comments: the sanitiser would drop them
    const element = node as TreeElement;
    const attribute = (name: string) => element.attrs.find((attr) => attr.name === name && !attr.namespace)?.value ?? null;
    const tag = element.tagName;
    const above = marksOf(parent);
    // An element parse5 moves keeps what it was marked: once excluded or kept, always.
    const marks = ((element as Marked)[MARKS] ??= { ...UNMARKED });
    marks.depth = above.depth + 1;
    marks.tableOrCode ||= above.tableOrCode || tag === 'table' || tag === 'code';
    marks.excluded ||= above.excluded || neverKept(tag, element.namespaceURI, attribute) || excludedFromArticle(tag, attribute, above.tableOrCode);
    if (element === root) {
      marks.kept = true;
      return;
    }
    if (!above.kept || marks.excluded) return;
    marks.kept = true;
    const index = reference ? parent.childNodes.indexOf(reference) : -1;
    if (index < 0) parent.childNodes.push(element);
    else parent.childNodes.splice(index, 0, element);
  }

  function finish(): void {
    if (done || root === null) return;
    done = true;
    writer.take(root, text, null);
    writer.flush();
  }

  const parser = new Parser<DefaultTreeAdapterMap>({ treeAdapter: adapter, scriptingEnabled: false });
  feedPage(parser, readPage);
  finish();
  writer.end();
}

const parentOf = (node: TreeParent): TreeParent | null => ('parentNode' in node ? node.parentNode : null);

/**
 * What the stream notes of an element as it is placed, on the element itself: in weak collections,
 * every element the page held stayed an entry until a full collection, so a book's elements were
 * carried into the old generation as garbage.
 */
interface Marks {
  depth: number;
  /** Its children are kept: it is the root or inside it, and not something never kept. */
  kept: boolean;
  excluded: boolean;
  tableOrCode: boolean;
}
const MARKS = Symbol('stream marks');
type Marked = TreeParent & { [MARKS]?: Marks };
const UNMARKED: Marks = { depth: 0, kept: false, excluded: false, tableOrCode: false };
const marksOf = (node: TreeParent): Marks => (node as Marked)[MARKS] ?? UNMARKED;

/**
 * Collects the article's top-level nodes as they close, sanitised at once, and writes them out a
 * run at a time.
 */
class ArticleWriter {
  private run: TreeNode[] = [];
  private runCharacters = 0;
  /** Whether every top-level node in the run is a block or blank text. */
  private runIsBlocks = true;
  /** Top-level nodes written so far, and the wrappers the only one (if one) would unwrap to. */
  private written = 0;
  private loneWrappers: string[] = [];
  /**
   * The first run's HTML, held until another run follows: should it be the article's only node,
   * its wrappers are stripped, as the normaliser unwraps a whole document's lone wrappers.
   */
  private firstHtml: string | null = null;

  constructor(
    private readonly referencedIds: ReadonlySet<string>,
    private readonly runLength: number,
    private readonly sink: ArticleSink,
  ) {}

  grew(characters: number): void {
    this.runCharacters += characters;
  }

  /**
   * Moves the root's children up to `closed` (all of them when null) into the run: those after it
   * (a table that text was fostered out of) may still be open.
   */
  take(root: TreeElement, text: TextPieces<TreeText>, closed: TreeNode | null): void {
    text.flush();
    const end = closed === null ? root.childNodes.length : root.childNodes.indexOf(closed) + 1;
    const children = root.childNodes.slice(0, end);
    root.childNodes = root.childNodes.slice(end);
    const holder = createElement('div', null);
    setChildren(holder, children);
    sanitiseTree(holder);
    for (const node of holder.childNodes) {
      if (!isBlock(node) && !(isText(node) && BLANK.test(node.value))) this.runIsBlocks = false;
      this.run.push(node);
    }
    if (this.runIsBlocks && this.runCharacters >= this.runLength) this.flush();
  }

  flush(): void {
    const holder = createElement('div', null);
    setChildren(holder, this.run);
    this.run = [];
    this.runCharacters = 0;
    this.runIsBlocks = true;
    const { html, text } = normaliseDocument(holder, { referencedIds: this.referencedIds, unwrapWrappers: false });
    const first = holder.childNodes[0];
    if (!first) return;
    const separator = this.written > 0 ? separatorBefore(first) : '';
    this.sink.appendText(separator + text);
    if (this.written === 0) {
      this.firstHtml = html;
      this.loneWrappers = holder.childNodes.length === 1 ? wrapperChain(first) : [];
    } else {
      this.releaseFirstHtml();
      this.sink.appendHtml(separator + html);
    }
    this.written += holder.childNodes.length;
  }

  end(): void {
    if (this.firstHtml === null) return;
    // As the normaliser unwraps a whole document's lone wrappers: here they are only tags to strip.
    if (this.written === 1) {
      for (const tag of this.loneWrappers) this.firstHtml = this.firstHtml.slice(`<${tag}>`.length, this.firstHtml.length - `</${tag}>`.length);
    }
    this.releaseFirstHtml();
  }

  private releaseFirstHtml(): void {
    if (this.firstHtml === null) return;
    this.sink.appendHtml(this.firstHtml);
    this.firstHtml = null;
  }
}

/** The article held whole, as UTF-8 while it is written. */
class WholeArticle implements ArticleSink {
  private readonly html: Utf8Output;
  private readonly text: Utf8Output;

  constructor(expectedBytes: number) {
    this.html = new Utf8Output(expectedBytes);
    this.text = new Utf8Output(expectedBytes);
  }

  appendHtml(html: string): void {
    this.html.append(html);
  }

  appendText(text: string): void {
    this.text.append(text);
  }

  result(): StreamedArticle {
    const contentHash = this.text.sha256();
    return { html: this.html.toString(), text: this.text.toString(), contentHash };
  }
}

/**
 * Output kept as UTF-8 while it is written: half the size of the runs' strings (a page with one
 * curly quote is all two-byte as a string), and one copy instead of runs and their join.
 */
class Utf8Output {
  private buffer: Buffer;
  private length = 0;

  /** Untouched capacity costs no memory: the pages are not written until the output reaches them. */
  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 1024));
  }

  append(value: string): void {
    const needed = this.length + Buffer.byteLength(value);
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, Math.ceil(this.buffer.length * 1.5)));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(value, this.length, 'utf8');
  }

  /** The SHA-256 of the text as UTF-8, which is what hashing the string computes. */
  sha256(): string {
    return createHash('sha256').update(this.buffer.subarray(0, this.length)).digest('hex');
  }

  /** The text, once: the buffer is let go. */
  toString(): string {
    const text = this.buffer.toString('utf8', 0, this.length);
    this.buffer = Buffer.alloc(0);
    this.length = 0;
    return text;
  }
}

/** The wrappers without attributes nested as only children from `node` down, outermost first. */
function wrapperChain(node: TreeNode): string[] {
  const chain: string[] = [];
  let at: TreeNode | undefined = node;
  while (at && 'tagName' in at && WRAPPERS.has(at.tagName) && at.attrs.length === 0) {
    chain.push(at.tagName);
    at = at.childNodes.length === 1 ? at.childNodes[0] : undefined;
  }
  return chain;
}

/** The ids the article's links point at once sanitised (the sanitiser prefixes ids and links alike). */
function sanitisedLinkTargets(hrefs: string[]): Set<string> {
  const holder = createElement('div', null);
  setChildren(
    holder,
    hrefs.map((href) => {
      const link = createElement('a', holder);
      setAttribute(link, 'href', href);
      return link;
    }),
  );
  sanitiseTree(holder);
  return referencedIds(holder);
}
