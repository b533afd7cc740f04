/*
 * EPUB Canonical Fragment Identifiers (https://idpf.org/epub/linking/cfi/): how a reading system
 * names a place in a book. Fieldbook names a chapter: the path to its itemref in the package,
 * then, past the "!" into the chapter's own document, its body ("/4": the html element's second
 * child element, after head). The words within it are given by the quote that refines it.
 */

export const EPUB_CFI_SPEC = 'http://www.idpf.org/epub/linking/cfi/epub-cfi.html';

/** "/N": an element's step from its parent, counting element children only, as even numbers from 2; null if it is not a child. */
export function cfiStep(parent: Element, child: Element): string | null {
  let index = 0;
  for (let node = parent.firstElementChild; node; node = node.nextElementSibling) {
    index++;
    if (node === child) return `/${index * 2}`;
  }
  return null;
}

/** An id as a CFI assertion holds it: the characters CFI gives a meaning to are escaped with "^". */
export const cfiAssertion = (id: string): string => id.replace(/[\^[\](),;=]/g, (ch) => `^${ch}`);

/** "epubcfi(/6/14[chap05ref]!/4)": the chapter's body, from its package path. */
export const chapterCfi = (packagePath: string): string => `epubcfi(${packagePath}!/4)`;
