import { ImportRefusal } from '../import-refusal';
import type { EpubArchive } from './epub-archive';
import { resolveHref, type BookLocation } from './epub-paths';
import { childrenNamed, elementsNamed, OPS_NS, parseXhtml, parseXml, plainText } from './epub-xml';
import type { EpubPackage } from './epub-package';

/** A table of contents entry as the book writes it: where it points is a place in a file. */
export interface TocEntry {
  title: string;
  target: BookLocation | null;
  children: TocEntry[];
}

/** Deeper than any real book's contents; deeper nesting is flattened into its last level. */
const MAX_DEPTH = 8;

/** EPUB 3's nav, else EPUB 2's NCX; an unreadable one leaves the book without contents, not unread. */
export function readTableOfContents(fileName: string, archive: EpubArchive, book: EpubPackage): TocEntry[] {
  if (book.navPath) {
    const entries = navEntries(archive.readText(book.navPath, 'table of contents'), book.navPath);
    if (entries.length > 0) return entries;
  }
  if (book.ncxPath) {
    let ncx: Document;
    try {
      ncx = parseXml(fileName, archive.readText(book.ncxPath, 'table of contents'), `table of contents (${book.ncxPath})`);
    } catch (error) {
      if (error instanceof ImportRefusal) return [];
      throw error;
    }
    const navMap = elementsNamed(ncx, 'navMap')[0];
    if (navMap) return ncxEntries(navMap, book.ncxPath, 0);
  }
  return [];
}

function navEntries(xhtml: string, navPath: string): TocEntry[] {
  const document = parseXhtml(xhtml);
  const navs = elementsNamed(document, 'nav');
  const toc = navs.find((nav) => epubTypes(nav).includes('toc')) ?? navs[0];
  const list = toc && childrenNamed(toc, 'ol')[0];
  return list ? listEntries(list, navPath, 0) : [];
}

function epubTypes(element: Element): string[] {
  const value = element.getAttributeNS(OPS_NS, 'type') ?? element.getAttribute('epub:type') ?? '';
  return value.split(/\s+/);
}

function listEntries(list: Element, navPath: string, depth: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const item of childrenNamed(list, 'li')) {
    const label = childrenNamed(item, 'a')[0] ?? childrenNamed(item, 'span')[0];
    const sublist = childrenNamed(item, 'ol')[0];
    const children = sublist ? listEntries(sublist, navPath, depth + 1) : [];
    const href = label?.localName === 'a' ? label.getAttribute('href') : null;
    const entry = { title: plainText(label), target: href ? resolveHref(navPath, href) : null, children };
    if (depth >= MAX_DEPTH) entries.push({ ...entry, children: [] }, ...children);
    else if (entry.title) entries.push(entry);
    else entries.push(...children);
  }
  return entries;
}

function ncxEntries(parent: Element, ncxPath: string, depth: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const point of childrenNamed(parent, 'navPoint')) {
    const label = childrenNamed(point, 'navLabel')[0];
    const title = plainText(label && childrenNamed(label, 'text')[0]);
    const src = childrenNamed(point, 'content')[0]?.getAttribute('src');
    const children = ncxEntries(point, ncxPath, depth + 1);
    const entry = { title, target: src ? resolveHref(ncxPath, src) : null, children };
    if (depth >= MAX_DEPTH) entries.push({ ...entry, children: [] }, ...children);
    else if (title) entries.push(entry);
    else entries.push(...children);
  }
  return entries;
}
