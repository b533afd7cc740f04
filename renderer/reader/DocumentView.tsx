import { useMemo, type MouseEvent } from 'react';
import type { DocumentFull } from '../../main/api';
import { formatImportedDate, formatWordCount, sourceOf } from '../document-facts';
import { DOCUMENT_ID_PREFIX, sanitiseDocument } from './sanitise-document';

export function DocumentView({ document: doc }: { document: DocumentFull }) {
  const html = useMemo(() => ({ __html: sanitiseDocument(doc.html) }), [doc.html]);
  const source = sourceOf(doc);
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
      </header>
      {/* Only the document's own markup goes in here: highlights count offsets in this element's text. */}
      <article className="document-body" dangerouslySetInnerHTML={html} onClick={followLink} onAuxClick={followLink} />
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
  const href = link.getAttribute('href') ?? '';
  if (event.type !== 'click' || !href.startsWith(`#${DOCUMENT_ID_PREFIX}`)) return;
  const target = event.currentTarget.querySelector<HTMLElement>(`#${CSS.escape(decodeFragment(href.slice(1)))}`);
  if (!target) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  // Keyboard users continue from the footnote, and a screen reader reads it, as a real jump would.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
