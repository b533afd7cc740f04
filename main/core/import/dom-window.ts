import { JSDOM } from 'jsdom';

/**
 * One script-less, resource-less window for parsing untrusted HTML. jsdom never runs scripts or
 * fetches anything unless told to; we never tell it to.
 */
let shared: JSDOM['window'] | undefined;

export function domWindow(): JSDOM['window'] {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window;
  return shared;
}

export function parseHtmlDocument(html: string): Document {
  return new JSDOM(html).window.document;
}
