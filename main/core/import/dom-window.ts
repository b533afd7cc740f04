import { JSDOM } from 'jsdom';

/**
 * One script-less, resource-less window for parsing untrusted HTML. jsdom never runs scripts or
 * fetches anything unless told to, and documents made by DOMParser never run scripts at all.
 * Sharing the window saves building one per import, which costs more than parsing the page.
 */
let shared: JSDOM['window'] | undefined;

export function domWindow(): JSDOM['window'] {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window;
  return shared;
}

export function parseHtmlDocument(html: string): Document {
  const window = domWindow();
  return new window.DOMParser().parseFromString(html, 'text/html');
}

/** A detached <div> holding an HTML fragment, in a document of its own. */
export function fragmentElement(html: string): HTMLElement {
  const document = parseHtmlDocument('<!doctype html><body></body>');
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}
