import { parseHTML } from 'linkedom';
import { html as parse5Html, Parser, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';
import { TextPieces } from './html-tree';
import { neverKept } from './never-kept';
import { feedPage } from './feed-parser';

/*
 * A saved page is parsed once, by parse5 (the WHATWG parser that jsdom is built on), straight into
 * a linkedom DOM: a browser's reading of the bytes (foreign content, misnested tags and all) in a
 * fast DOM with no script engine or network, which is what Readability needs. linkedom's own
 * parser is quicker but not a browser's: it lets an <svg> that </p> should close swallow the rest
 * of the article.
 */

type LNode = Node;
type LParent = Node & ParentNode;

type LinkedomMap = TreeAdapterTypeMap<LNode, LParent, ChildNode, Document, DocumentFragment, Element, Comment, Text, Element, DocumentType>;

const { NS, DOCUMENT_MODE } = parse5Html;

/**
 * How deep elements may nest: Chromium's parser stops at 512 levels too. Readability walks some
 * trees recursively, so a page of 20,000 nested <div>s would otherwise overflow the stack.
 */
export const MAX_DEPTH = 512;
/** Names a DOM would accept; a parser lets anything through (`a"b`), a serialiser may not. */
const ATTRIBUTE_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

/**
 * The parser asks an element's name and namespace back at every start tag, once for each open
 * element (which is what a deeply nested page costs): kept on the element, asking is cheap.
 */
const PARSED_AS = Symbol('parsed as');
type ParsedElement = Element & { [PARSED_AS]?: { tagName: string; namespace: parse5Html.NS } };

export interface ParsedPage {
  document: Document;
  /** The text of the page's first <h1>, read before anything was removed. */
  firstHeading: string | null;
}

/**
 * Scripting is off while parsing, as in a reader that never runs them: <noscript> holds elements.
 * The page comes in pieces, which the parser drops as it goes (a tokenizer resumes mid-token at the
 * next piece), so the whole page's text is never held.
 */
export function parsePage(readPage: () => Iterable<string>): ParsedPage {
  const { document } = parseHTML('<!doctype html><html></html>') as unknown as { document: Document };
  document.documentElement.remove();
  const unwanted: Element[] = [];
  let firstH1: Element | null = null;
  const templates = new WeakMap<Element, DocumentFragment>();
  let mode = DOCUMENT_MODE.NO_QUIRKS;
  const pieces = new TextPieces<Text>((node, value) => (node.data = value));
  const depths = new WeakMap<Node, number>();
  const depthOf = (node: Node) => depths.get(node) ?? 0;

  const adapter: TreeAdapter<LinkedomMap> = {
    createDocument: () => document,
    createDocumentFragment: () => document.createDocumentFragment(),
    createElement(tagName, namespace, attrs) {
      const element = namespace === NS.HTML ? document.createElement(tagName) : document.createElementNS(namespace, tagName);
      (element as ParsedElement)[PARSED_AS] = { tagName, namespace };
      // linkedom puts each new attribute first: set them last to first to keep the page's order.
      for (let i = attrs.length - 1; i >= 0; i--) {
        const { name, value, prefix } = attrs[i]!;
        const qualified = prefix ? `${prefix}:${name}` : name;
        if (ATTRIBUTE_NAME.test(qualified)) element.setAttribute(qualified, value);
      }
      if (neverKept(tagName, namespace, (name) => element.getAttribute(name))) unwanted.push(element);
      if (!firstH1 && tagName === 'h1' && namespace === NS.HTML) firstH1 = element;
      return element;
    },
    createCommentNode: (data) => document.createComment(data),
    createTextNode: (value) => document.createTextNode(value),
    appendChild(parent, node) {
      let target = parent;
      // As Chromium's parser does, elements nested deeper than it allows become siblings at that depth.
      if (node.nodeType === 1) while (target.parentNode && depthOf(target) >= MAX_DEPTH) target = target.parentNode;
      target.appendChild(node);
      depths.set(node, depthOf(target) + 1);
    },
    insertBefore(parent, node, reference) {
      parent.insertBefore(node, reference);
      depths.set(node, depthOf(parent) + 1);
    },
    setTemplateContent: (template, content) => void templates.set(template, content),
    getTemplateContent: (template) => templates.get(template) ?? document.createDocumentFragment(),
    // Readability has no use for the doctype; the document's mode is all the parser asks back.
    setDocumentType: () => undefined,
    setDocumentMode: (_document, value) => void (mode = value),
    getDocumentMode: () => mode,
    detachNode: (node) => void node.parentNode?.removeChild(node),
    insertText(parent, text) {
      const last = parent.lastChild;
      if (last?.nodeType === 3) pieces.append(last as Text, (last as Text).data, text);
      else parent.appendChild(document.createTextNode(text));
    },
    insertTextBefore(parent, text, reference) {
      const previous = reference.previousSibling;
      if (previous?.nodeType === 3) pieces.append(previous as Text, (previous as Text).data, text);
      else parent.insertBefore(document.createTextNode(text), reference);
    },
    adoptAttributes(recipient, attrs) {
      for (const { name, value } of attrs) if (ATTRIBUTE_NAME.test(name) && !recipient.hasAttribute(name)) recipient.setAttribute(name, value);
    },
    getFirstChild: (node) => node.firstChild,
    getChildNodes: (node) => Array.from(node.childNodes),
    getParentNode: (node) => node.parentNode,
    getAttrList: (element) => Array.from(element.attributes, ({ name, value }) => ({ name, value })),
    getTagName: (element) => (element as ParsedElement)[PARSED_AS]?.tagName ?? element.localName,
    getNamespaceURI: (element) => (element as ParsedElement)[PARSED_AS]?.namespace ?? NS.HTML,
    getTextNodeContent: (text) => text.data,
    getCommentNodeContent: (comment) => comment.data,
    getDocumentTypeNodeName: (doctype) => doctype.name,
    getDocumentTypeNodePublicId: (doctype) => doctype.publicId,
    getDocumentTypeNodeSystemId: (doctype) => doctype.systemId,
    isTextNode: (node): node is Text => node.nodeType === 3,
    isCommentNode: (node): node is Comment => node.nodeType === 8,
    isDocumentTypeNode: (node): node is DocumentType => node.nodeType === 10,
    isElementNode: (node): node is Element => node.nodeType === 1,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };

  const parser = new Parser<LinkedomMap>({ treeAdapter: adapter, scriptingEnabled: false });
  feedPage(parser, readPage);
  pieces.flush();
  const heading: Element | null = firstH1;
  const firstHeading = heading ? (heading as Element).textContent!.replace(/\s+/g, ' ').trim() || null : null;
  for (const element of unwanted) element.remove();
  return { document, firstHeading };
}
