import { useLayoutEffect, useMemo, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { DocumentFull } from '../../main/api';
import { formatImportedDate, formatWordCount, sourceOf } from '../document-facts';
import { keepReadOnly } from './read-only-caret';
import { DOCUMENT_ID_PREFIX, sanitiseDocument } from './sanitise-document';

interface Props {
  document: DocumentFull;
  articleRef: RefObject<HTMLElement | null>;
  /** Called whenever the article holds this document's markup afresh, so highlights can be painted on it. */
  onRendered(): void;
  /** Controls for the document as a whole, shown under its title. */
  actions?: ReactNode;
  /** Whatever belongs right after the article in focus order (the selection toolbar). */
  children?: ReactNode;
}

export function DocumentView({ document: doc, articleRef, onRendered, actions, children }: Props) {
  const sanitised = useMemo(() => sanitiseDocument(doc.html), [doc.html]);
  const html = useMemo(() => ({ __html: sanitised }), [sanitised]);
  const source = sourceOf(doc);

  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    performance.mark('fieldbook:document-rendered');
    onRendered();
    return keepReadOnly(article, {
      html: sanitised,
      onRestored: onRendered,
      onEnter: () => followLinkAtCaret(article),
    });
  }, [sanitised, articleRef, onRendered]);

  return (
    <div className="reading-column">
      <header className="document-header">
        <h1>{doc.title}</h1>
        <p className="document-meta">
          {doc.byline && <span>{doc.byline}</span>}
          {source && <span className="document-source">{source}</span>}
          <span>
            Imported <time dateTime={doc.importedAt}>{formatImportedDate(doc.importedAt)}</time>
          </span>
          <span>{formatWordCount(doc.wordCount)}</span>
        </p>
        {actions}
      </header>
      {/*
        Only the document's own markup goes in here: highlights count offsets in this element's text.
        It is editable only so the keyboard gets a caret to select with; read-only-caret.ts refuses every change.
      */}
      <article
        ref={articleRef}
        className="document-body"
        contentEditable
        suppressContentEditableWarning
        aria-readonly="true"
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        inputMode="none"
        translate="no"
        dangerouslySetInnerHTML={html}
        onClick={followLink}
        onAuxClick={followLink}
      />
      {children}
    </div>
  );
}

/**
 * Nothing in a document navigates the app: footnote and other in-document links scroll the reader,
 * and every other link stays put (its address is in its tooltip).
 */
function followLink(event: MouseEvent<HTMLElement>): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || !event.currentTarget.contains(link)) return;
  event.preventDefault();
  // A click that ends a drag is a selection, not a jump.
  if (!window.getSelection()?.isCollapsed) return;
  if (event.type === 'click') jumpTo(event.currentTarget, link);
}

/** Links in editable content take no focus, so Enter on the caret inside one follows it instead. */
function followLinkAtCaret(article: HTMLElement): void {
  const node = window.getSelection()?.focusNode;
  const element = node instanceof Element ? node : node?.parentElement;
  const link = element?.closest('a');
  if (link && article.contains(link)) jumpTo(article, link);
}

function jumpTo(article: HTMLElement, link: HTMLAnchorElement): void {
  const href = link.getAttribute('href') ?? '';
  if (!href.startsWith(`#${DOCUMENT_ID_PREFIX}`)) return;
  const target = article.querySelector<HTMLElement>(`#${CSS.escape(decodeFragment(href.slice(1)))}`);
  if (!target) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
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
