import { domWindow, parseHtmlDocument } from '../dom-window';
import { ImportRefusal } from '../import-refusal';

/*
 * The container, the package (OPF) and the NCX are XML, read by jsdom's XML parser: it resolves
 * no external entity and loads nothing, and a file that is not well-formed is a parsererror
 * document, which refuses the book (a reader of it would fail there too).
 */

export const OPF_NS = 'http://www.idpf.org/2007/opf';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const OPS_NS = 'http://www.idpf.org/2007/ops';

export function parseXml(fileName: string, xml: string, what: string): Document {
  const document = new (domWindow().DOMParser)().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new ImportRefusal(fileName, `its ${what} is not well-formed XML`);
  }
  return document;
}

/**
 * The navigation document is XHTML, but some books' use HTML entities (`&nbsp;`) XML does not
 * know: read as HTML then, which is how a browser would show it.
 */
export function parseXhtml(xml: string): Document {
  const document = new (domWindow().DOMParser)().parseFromString(xml, 'application/xhtml+xml');
  return document.getElementsByTagName('parsererror').length > 0 ? parseHtmlDocument(xml) : document;
}

/** Elements by local name whatever their prefix or namespace: books are loose about both. */
export function elementsNamed(root: Document | Element, localName: string): Element[] {
  return [...root.getElementsByTagName('*')].filter((element) => element.localName === localName);
}

export function childrenNamed(parent: Element, localName: string): Element[] {
  return [...parent.children].filter((element) => element.localName === localName);
}

/** An element's text with its whitespace collapsed, as a title is shown. */
export function plainText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
