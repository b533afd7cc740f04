import createDOMPurify, { type DOMPurify } from 'dompurify';
import { DOCUMENT_ATTRIBUTES, DOCUMENT_TAGS, SAFE_IMAGE, SAFE_LINK } from '../../api';
import { domWindow } from './dom-window';

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(domWindow() as unknown as Window & typeof globalThis);
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.tagName === 'A') {
      const href = element.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href.trim())) element.removeAttribute('href');
      // Footnote links point at ids that DOMPurify prefixes to stop DOM clobbering; follow them.
      else if (href.startsWith('#') && href.length > 1) element.setAttribute('href', `#user-content-${href.slice(1)}`);
    }
    if (element.tagName === 'IMG') {
      const src = element.getAttribute('src') ?? '';
      if (!SAFE_IMAGE.test(src)) replaceRemoteImage(element, src);
    }
  });
  purifier = instance;
  return instance;
}

/** Remote images would reach the network when shown: keep only their address, as text. */
function replaceRemoteImage(image: Element, src: string): void {
  const placeholder = image.ownerDocument.createElement('span');
  placeholder.setAttribute('title', 'Image not loaded: Fieldbook never fetches from the network');
  const alt = image.getAttribute('alt')?.trim();
  placeholder.textContent = `[Image${alt ? `: ${alt}` : ''}${src ? ` (${src})` : ''}]`;
  image.replaceWith(placeholder);
}

/** Strips, in place, every script, handler, style, form, frame and remote resource under root. */
export function sanitiseInPlace(root: HTMLElement): void {
  getPurifier().sanitize(root, {
    IN_PLACE: true,
    ALLOWED_TAGS: [...DOCUMENT_TAGS],
    ALLOWED_ATTR: [...DOCUMENT_ATTRIBUTES],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    SANITIZE_NAMED_PROPS: true,
    KEEP_CONTENT: true,
    FORBID_TAGS: ['style', 'script', 'template', 'noscript', 'form', 'button', 'input', 'textarea', 'select'],
  });
}
