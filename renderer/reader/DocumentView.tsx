import { GradeBadge } from '../grades/GradeBadge';
import { useCallback, useLayoutEffect, useMemo, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { DocumentFull } from '../../main/common/records';
import { formatImportedDate, formatWordCount, sourceOf } from '../document-facts';
import { formatPublished } from '../library/library-view';
import { ChunkedArticle, fillId } from './chunked-article';
import { planChunks } from './document-chunks';
import { keepReadOnly } from './read-only-caret';
import { readingStyle, useReadingSettings } from './reading-settings';
import { DOCUMENT_ID_PREFIX, sanitiseDocumentFragment } from './sanitise-document';
import { articleLanguage } from './article-language';

interface Props {
  document: DocumentFull;
  articleRef: RefObject<HTMLElement | null>;
  /** The pane that scrolls the document: what comes near its view is put on the page first. */
  scrollerRef: RefObject<HTMLElement | null>;
  /** Called whenever the article holds more of this document's markup, or holds it afresh, so highlights can be painted on it. */
  onRendered(): void;
  /** A link to the web was followed (clicked, or Enter on it): the reader says what it does with it. Stable. */
  onExternalLink(url: string): void;
  /** Controls for the document as a whole, shown under its title. */
  actions?: ReactNode;
  /** Whatever belongs right after the article in focus order (the selection toolbar). */
  children?: ReactNode;
}

export function DocumentView({ document: doc, articleRef, scrollerRef, onRendered, onExternalLink, actions, children }: Props) {
  const plan = useMemo(() => planChunks(sanitiseDocumentFragment(doc.html)), [doc.html]);
  const source = sourceOf(doc);
  const reading = useReadingSettings();

  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    let forgetChanges = () => {};
    const chunked = new ChunkedArticle(article, plan, { scroller: scrollerRef.current, onFilled: onRendered, onOwnChange: () => forgetChanges() });
    performance.mark('fieldbook:document-rendered');
    onRendered();
    const guard = keepReadOnly(article, {
      restore: () => chunked.restore(),
      onEnter: () => followLinkAtCaret(article, onExternalLink),
    });
    forgetChanges = guard.forgetChanges;
    return () => {
      guard.release();
      chunked.dispose();
    };
  }, [plan, articleRef, scrollerRef, onRendered, onExternalLink]);

  const followLink = useCallback((event: MouseEvent<HTMLElement>) => follow(event, onExternalLink), [onExternalLink]);

  return (
    <div className="reading-column" style={readingStyle(reading)}>
      <header className="document-header">
        <h1>{doc.title}</h1>
        <p className="document-meta">
          {/* The authors the person keeps; the byline the page printed until there are any. */}
          {doc.authors.length > 0 ? <span className="document-authors">{doc.authors.join(', ')}</span> : doc.byline && <span>{doc.byline}</span>}
          {doc.published && (
            <span>
              Published <time dateTime={doc.published}>{formatPublished(doc.published)}</time>
            </span>
          )}
          {doc.publisher && <span>{doc.publisher}</span>}
          {source && <span className="document-source">{source}</span>}
          <span>
            Imported <time dateTime={doc.importedAt}>{formatImportedDate(doc.importedAt)}</time>
          </span>
          <span>{formatWordCount(doc.wordCount)}</span>
          {(doc.reliability || doc.credibility) && (
            <span>
              <GradeBadge reliability={doc.reliability ?? null} credibility={doc.credibility ?? null} />
            </span>
          )}
        </p>
        {actions}
      </header>
      {/*
        Only the document's own markup goes in here, put in by chunked-article.ts (React leaves the
        element's children alone): highlights count offsets in this element's text.
        It is editable only so the keyboard gets a caret to select with; read-only-caret.ts refuses every change.
        ARIA has no read-only state for an article, so the description says it instead.
      */}
      <article
        ref={articleRef}
        className="document-body"
        {...articleLanguage(doc)}
        contentEditable
        suppressContentEditableWarning
        data-caret-only=""
        aria-description="Read only. Move through the text with the arrow keys; select with Shift and the arrows to highlight."
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        inputMode="none"
        translate="no"
        onClick={followLink}
        onAuxClick={followLink}
      />
      {children}
    </div>
  );
}

/**
 * Nothing in a document navigates the app: footnote and other in-document links scroll the reader,
 * and a link to the web is handed to `onExternalLink`, which says what can be done with it.
 */
function follow(event: MouseEvent<HTMLElement>, onExternalLink: (url: string) => void): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || !event.currentTarget.contains(link)) return;
  event.preventDefault();
  // A click that ends a drag is a selection, not a jump.
  if (!window.getSelection()?.isCollapsed) return;
  if (event.type === 'click') jumpTo(event.currentTarget, link, onExternalLink);
}

/** Links in editable content take no focus, so Enter on the caret inside one follows it instead. */
function followLinkAtCaret(article: HTMLElement, onExternalLink: (url: string) => void): void {
  const node = window.getSelection()?.focusNode;
  const element = node instanceof Element ? node : node?.parentElement;
  const link = element?.closest('a');
  if (link && article.contains(link)) jumpTo(article, link, onExternalLink);
}

function jumpTo(article: HTMLElement, link: HTMLAnchorElement, onExternalLink: (url: string) => void): void {
  const href = (link.getAttribute('href') ?? '').trim();
  if (/^https?:\/\//i.test(href)) return onExternalLink(href);
  if (!href.startsWith(`#${DOCUMENT_ID_PREFIX}`)) return;
  const id = decodeFragment(href.slice(1));
  fillId(article, id);
  const target = article.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!target) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Far down a book, a smooth scroll would pass chunks whose room is still estimated, and miss.
  const far = Math.abs(target.getBoundingClientRect().top) > 2 * window.innerHeight;
  target.scrollIntoView({ block: 'start', behavior: reduceMotion || far ? 'instant' : 'smooth' });
  // The caret continues from the footnote, as a real jump would; a screen reader reads it from there.
  window.getSelection()?.collapse(target, 0);
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
