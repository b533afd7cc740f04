import { html as parse5Html } from 'parse5';

/*
 * What is never part of an article, however a page is read (whole, for Readability, or streamed,
 * for a book-length page). Comment sections: Readability usually drops them, but a short comment
 * can look like content. Scripts (but the JSON-LD metadata that names the article), styles,
 * embeds, form controls, SVG and MathML: the sanitiser would drop them anyway.
 */

const NEVER_KEPT_TAGS = new Set([
  'form', 'nav', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'textarea', 'select', 'button', 'input', 'xmp', 'noembed', 'noframes', 'plaintext', 'base',
]);
const NEVER_KEPT_IDS = new Set(['comments', 'respond']);
const NEVER_KEPT_CLASSES = ['comments-area', 'comment-respond', 'skip-link'];

/** `attribute` reads one of the element's attributes, null when it has none of that name. */
export function neverKept(tagName: string, namespace: string, attribute: (name: string) => string | null): boolean {
  // Only <svg> and <math> start foreign content, and everything foreign sits inside one of them.
  if (namespace !== parse5Html.NS.HTML) return tagName === 'svg' || tagName === 'math';
  if (tagName === 'script') return attribute('type')?.trim().toLowerCase() !== 'application/ld+json';
  if (NEVER_KEPT_TAGS.has(tagName)) return true;
  const id = attribute('id');
  if (id !== null && NEVER_KEPT_IDS.has(id)) return true;
  const classes = attribute('class')?.split(/\s+/);
  return classes !== undefined && NEVER_KEPT_CLASSES.some((name) => classes.includes(name));
}
