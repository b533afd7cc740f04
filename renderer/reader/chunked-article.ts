import { CHUNK_END_ATTRIBUTE, CHUNK_START_ATTRIBUTE } from '../highlights/text-offsets';
import { chunksCovering, type ChunkPlan } from './document-chunks';

/*
 * A book opens as fast as an article because only its first screen is put on the page at once.
 * The article holds one element per chunk of the document (document-chunks.ts), each marked with
 * where its text starts and ends; a chunk not yet filled is an empty box of about its height, so
 * the scrollbar is right from the start. The rest is filled in order while the page is idle, and at
 * once wherever the reader scrolls or jumps to (filled chunks are never emptied again). Every offset
 * stays the document's (text-offsets.ts counts each chunk from its own start), and once all are
 * filled the article's text is exactly the stored text, so find, selection and highlights work as
 * they do on an article. Filled chunks are laid out only when near the screen (content-visibility).
 */

/** Filled at once: comfortably more than a tall window shows at the reader's measure. */
const FIRST_SCREEN_CHARACTERS = 6_000;
/** Used until the first chunks have been measured (about what Literata at 18px takes). */
const FALLBACK_PIXELS_PER_CHARACTER = 0.5;
/** How long one idle slice may fill for before giving the page back. */
const SLICE_MS = 8;
/** Filled chunks far from the screen need no repaint at once; marks are redone at most this often for them. */
const REPAINT_EVERY_MS = 400;

export interface ChunkedArticleOptions {
  /** The pane that scrolls the article: chunks coming near its view are filled first. */
  scroller: HTMLElement | null;
  /** Chunks were filled: anything painted on the article's text (highlights, mentions, find) must be redone. */
  onFilled(): void;
  /** The article's own changes, which a guard against edits must not mistake for the user's. */
  onOwnChange?(): void;
}

const articles = new WeakMap<Element, ChunkedArticle>();

export class ChunkedArticle {
  private elements: HTMLElement[] = [];
  private readonly filled: boolean[];
  private unfilled: number;
  /** Every chunk before this one is filled: the idle filler carries on from here. */
  private cursor = 0;
  private pixelsPerCharacter = FALLBACK_PIXELS_PER_CHARACTER;
  private observer: IntersectionObserver | null = null;
  private idle = 0;
  private lastNotified = 0;
  private disposed = false;
  /** How many chunks the first screen took. */
  private firstScreen = 0;

  constructor(
    private readonly article: HTMLElement,
    private readonly plan: ChunkPlan,
    private readonly options: ChunkedArticleOptions,
  ) {
    this.filled = plan.chunks.map(() => false);
    this.unfilled = plan.chunks.length;
    articles.set(article, this);
    this.build();
    let characters = 0;
    for (let index = 0; index < plan.chunks.length && characters < FIRST_SCREEN_CHARACTERS; index++) {
      // Laid out in full, the first screen can be measured for the estimates below.
      this.fill(index, { contained: false });
      characters = plan.chunks[index]!.end;
      this.firstScreen = index + 1;
    }
    this.measure();
    this.watch();
    this.schedule();
    this.options.onOwnChange?.();
  }

  /** True once every chunk is on the page, so the article's text is the document's. */
  get complete(): boolean {
    return this.unfilled === 0;
  }

  /** Fills the chunks holding [start, end) now; true when any was still empty (painted marks must be redone). */
  fillText(start: number, end: number): boolean {
    const covering = chunksCovering(this.plan.chunks, start, end);
    if (!covering) return false;
    let changed = false;
    for (let index = covering.first; index <= covering.last; index++) changed = this.fill(index) || changed;
    if (changed) this.changed(true);
    return changed;
  }

  /** Fills the chunk holding the element with this id (an in-document link's target). */
  fillId(id: string): boolean {
    const index = this.plan.chunkOfId.get(id);
    if (index === undefined || !this.fill(index)) return false;
    this.changed(true);
    return true;
  }

  /** Fills everything still empty, at once. */
  fillAll(): void {
    let changed = false;
    for (let index = 0; index < this.filled.length; index++) changed = this.fill(index) || changed;
    if (changed) this.changed(true);
  }

  chunkAt(offset: number): Element | null {
    const covering = chunksCovering(this.plan.chunks, offset, offset);
    return covering ? (this.elements[covering.first] ?? null) : null;
  }

  /** Puts back the document's own markup after something changed it, filling the same chunks as before. */
  restore(): void {
    const filled = this.filled.map((value, index) => (value ? index : -1)).filter((index) => index >= 0);
    this.filled.fill(false);
    this.unfilled = this.filled.length;
    this.cursor = 0;
    this.observer?.disconnect();
    this.build();
    for (const index of filled) this.fill(index, { contained: index >= this.firstScreen });
    this.watch();
    this.schedule();
    this.changed(true);
  }

  dispose(): void {
    this.disposed = true;
    this.observer?.disconnect();
    if (this.idle) cancelIdle(this.idle);
    if (articles.get(this.article) === this) articles.delete(this.article);
  }

  private build(): void {
    this.elements = this.plan.chunks.map((chunk) => {
      const element = this.article.ownerDocument.createElement('div');
      element.className = 'document-chunk';
      element.setAttribute(CHUNK_START_ATTRIBUTE, String(chunk.start));
      element.setAttribute(CHUNK_END_ATTRIBUTE, String(chunk.end));
      element.style.height = `${this.estimate(chunk.end - chunk.start)}px`;
      return element;
    });
    this.article.replaceChildren(...this.elements);
  }

  private fill(index: number, { contained = true } = {}): boolean {
    if (this.filled[index] || this.disposed) return false;
    const chunk = this.plan.chunks[index]!;
    const element = this.elements[index]!;
    const document = this.article.ownerDocument;
    element.replaceChildren(...chunk.nodes.map((node) => document.importNode(node, true)));
    element.style.removeProperty('height');
    // Until it is first laid out near the screen, a filled chunk keeps the room it had empty.
    element.style.setProperty('contain-intrinsic-size', `auto ${this.estimate(chunk.end - chunk.start)}px`);
    element.dataset.filled = '';
    if (contained) element.dataset.contained = '';
    this.filled[index] = true;
    this.unfilled--;
    if (this.unfilled === 0) performance.mark('fieldbook:document-complete');
    this.observer?.unobserve(element);
    while (this.cursor < this.filled.length && this.filled[this.cursor]) this.cursor++;
    return true;
  }

  /** How tall the filled chunks at the top are per character of text: running prose is even enough to go by. */
  private measure(): void {
    let characters = 0;
    let height = 0;
    for (let index = 0; index < this.filled.length && this.filled[index]; index++) {
      characters += this.plan.chunks[index]!.end - this.plan.chunks[index]!.start;
      height += this.elements[index]!.getBoundingClientRect().height;
    }
    if (characters < 500 || height <= 0) return;
    this.pixelsPerCharacter = height / characters;
    this.plan.chunks.forEach((chunk, index) => {
      if (!this.filled[index]) this.elements[index]!.style.height = `${this.estimate(chunk.end - chunk.start)}px`;
    });
  }

  private estimate(characters: number): number {
    return Math.max(1, Math.round(characters * this.pixelsPerCharacter));
  }

  /** Empty chunks coming within a screen of the view are filled before they show. */
  private watch(): void {
    if (typeof IntersectionObserver === 'undefined' || !this.options.scroller) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        let changed = false;
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          changed = this.fill(this.elements.indexOf(entry.target as HTMLElement)) || changed;
        }
        if (changed) this.changed(true);
      },
      { root: this.options.scroller, rootMargin: '100% 0px' },
    );
    this.elements.forEach((element, index) => {
      if (!this.filled[index]) this.observer!.observe(element);
    });
  }

  private schedule(): void {
    if (this.disposed || this.unfilled === 0 || this.idle) return;
    this.idle = whenIdle(() => {
      this.idle = 0;
      const until = performance.now() + SLICE_MS;
      let changed = false;
      while (this.cursor < this.filled.length && performance.now() < until) changed = this.fill(this.cursor) || changed;
      if (changed) this.changed(this.unfilled === 0 || performance.now() - this.lastNotified >= REPAINT_EVERY_MS);
      this.schedule();
    });
  }

  private changed(repaint: boolean): void {
    this.options.onOwnChange?.();
    if (!repaint || this.disposed) return;
    this.lastNotified = performance.now();
    this.options.onFilled();
  }
}

/** Fills the chunks of this article holding [start, end), so a range can be made over them. */
export function fillText(article: Element, start: number, end: number): void {
  articles.get(article)?.fillText(start, end);
}

/** Fills the chunk holding the element with this id. */
export function fillId(article: Element, id: string): void {
  articles.get(article)?.fillId(id);
}

/** The element of the chunk holding this offset, filled or not. */
export function chunkAt(article: Element, offset: number): Element | null {
  return articles.get(article)?.chunkAt(offset) ?? null;
}

type IdleHandle = number;

function whenIdle(run: () => void): IdleHandle {
  // Bounded, so a page that is never idle (a busy machine) still gets the whole document in good time.
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(run, { timeout: 200 });
  return window.setTimeout(run, 0);
}

function cancelIdle(handle: IdleHandle): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
