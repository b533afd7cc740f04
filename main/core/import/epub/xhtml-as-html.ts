/*
 * A chapter is XHTML, read by the same HTML parser as every page Fieldbook imports (what the
 * sanitiser and the reader expect). The one XML habit HTML reads differently is the self-closed
 * element: `<a id="p12"/>` or `<div/>` would stay open in HTML and swallow what follows, and a
 * `<script src="x"/>` in the head would swallow the whole body as its text. Each is written out
 * as an open and a close tag first; void elements (`<br/>`) are left as they are.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const SELF_CLOSED = /<([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g;

export function openSelfClosedElements(xhtml: string): string {
  return xhtml.replace(SELF_CLOSED, (whole, tag: string, attributes: string) =>
    VOID.has(tag.toLowerCase()) ? whole : `<${tag}${attributes}></${tag}>`,
  );
}
