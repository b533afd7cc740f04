import createDOMPurify, { type DOMPurify } from 'dompurify';
import { DOCUMENT_ATTRIBUTES, DOCUMENT_TAGS, SAFE_IMAGE, SAFE_LINK } from '../../main/common/document-policy';

/*
 * The core sanitises at import; this second pass guards the page against a tampered library file.
 * It keeps the same reading-only vocabulary and never touches text, so highlight offsets counted
 * in the document's textContent still land on this DOM.
 */
/** Ids the core prefixed; any other id could clobber globals such as window.name or document.forms. */
export const DOCUMENT_ID_PREFIX = 'user-content-';

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  // A private instance, so these hooks never leak into any other use of DOMPurify.
  const instance = createDOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const id = element.getAttribute('id');
    if (id !== null && !id.startsWith(DOCUMENT_ID_PREFIX)) element.removeAttribute('id');
    if (element.tagName === 'A') {
      const href = element.getAttribute('href')?.trim() ?? '';
      if (!SAFE_LINK.test(href)) element.removeAttribute('href');
      // The reader never follows links out of the document; the tooltip is how the address stays visible.
      else if (!href.startsWith('#')) {
        const title = element.getAttribute('title')?.trim();
        element.setAttribute('title', title && title !== href ? `${title} (${href})` : href);
      }
    }
    if (element.tagName === 'IMG' && !SAFE_IMAGE.test(element.getAttribute('src') ?? '')) element.removeAttribute('src');
  });
  purifier = instance;
  return instance;
}

/**
 * Returns markup safe to set as innerHTML. The document's title is the page's one level-1 heading,
 * so when the body has h1s of its own every heading moves down a level, keeping their hierarchy.
 */
export function sanitiseDocument(html: string): string {
  const container = document.createElement('div');
  container.append(sanitiseDocumentFragment(html));
  return container.innerHTML;
}

/**
 * The same, as nodes in an inert document of the sanitiser's own (nothing in it loads or runs),
 * for the reader to copy into the page a part at a time.
 */
export function sanitiseDocumentFragment(html: string): DocumentFragment {
  const fragment = getPurifier().sanitize(html, {
    ALLOWED_TAGS: [...DOCUMENT_TAGS],
    ALLOWED_ATTR: [...DOCUMENT_ATTRIBUTES],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_TAGS: ['style', 'script', 'template', 'noscript', 'form', 'button', 'input', 'textarea', 'select'],
    RETURN_DOM_FRAGMENT: true,
  });
  if (fragment.querySelector('h1')) demoteHeadings(fragment);
  return fragment;
}

function demoteHeadings(root: DocumentFragment): void {
  // Deepest first, so a heading moved down is not met again and moved twice.
  for (let level = 5; level >= 1; level--) {
    for (const heading of Array.from(root.querySelectorAll(`h${level}`))) {
      const replacement = heading.ownerDocument.createElement(`h${level + 1}`);
      for (const attribute of Array.from(heading.attributes)) replacement.setAttribute(attribute.name, attribute.value);
      replacement.append(...Array.from(heading.childNodes));
      heading.replaceWith(replacement);
    }
  }
}
