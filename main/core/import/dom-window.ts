import { createRequire } from 'node:module';
import type { JSDOM } from 'jsdom';

// jsdom takes about half a second to load, and only restoring an archive needs it (importing reads
// pages with parse5 and linkedom): nothing else should pay for it.
const require = createRequire(import.meta.url);

/**
 * One script-less, resource-less window for parsing untrusted HTML. jsdom never runs scripts or
 * fetches anything unless told to, and documents made by DOMParser never run scripts at all.
 * Sharing the window saves building one per import, which costs more than parsing the page.
 */
let shared: JSDOM['window'] | undefined;

export function domWindow(): JSDOM['window'] {
  if (!shared) {
    const { JSDOM: Dom } = require('jsdom') as typeof import('jsdom');
    shared = new Dom('<!doctype html><html><body></body></html>').window;
  }
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
