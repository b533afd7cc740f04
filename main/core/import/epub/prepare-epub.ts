import { createHash } from 'node:crypto';
import path from 'node:path';
import type { OutlineEntry } from '../../../common/document-outline';
import type { PreparedDocument } from '../import-document';
import { ImportRefusal } from '../import-refusal';
import { normaliseDocument } from '../normalise-text';
import { sanitiseTree } from '../sanitise-html';
import type { TreeElement } from '../html-tree';
import { buildBookTree, type BookTree } from './book-tree';
import { openEpubArchive } from './epub-archive';
import { readPackage } from './epub-package';
import { readTableOfContents, type TocEntry } from './epub-toc';
import { elementSpans } from './element-offsets';
import { countWords } from '../../text/count-words';

/**
 * How the text was taken from the book: a change to how chapters are joined or cut must change
 * this, so a stored book's offsets are known to follow the old rules.
 */
export const EPUB_EXTRACTION = 'epub/1';
export const EPUB_MEDIA_TYPE = 'application/epub+zip';

export interface Chapter {
  label: string;
  start: number;
  end: number;
}

export interface PreparedEpub {
  document: PreparedDocument;
  sha256: string;
  chapters: Chapter[];
  outline: OutlineEntry[];
}

/** Everything short of the database: the book read, its chapters through the HTML pipeline, joined. */
export function prepareEpub(fileName: string, bytes: Uint8Array): PreparedEpub {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const archive = openEpubArchive(fileName, bytes);
  const book = readPackage(fileName, archive);
  const toc = readTableOfContents(fileName, archive, book);
  const tree = buildBookTree(archive, book.chapters, book.rightToLeft);
  const targets = new Set<TreeElement>([...tree.sections, ...tocAnchors(toc, tree)]);

  sanitiseTree(tree.root);
  // The sections stay: they are what the chapters' offsets are measured on.
  const { html, text } = normaliseDocument(tree.root, { unwrapWrappers: false });
  if (text.trim().length === 0) throw new ImportRefusal(fileName, 'no readable text was found in it');
  const spans = elementSpans(tree.root, targets);

  const chapterSpans = tree.sections.map((section) => spans.get(section)!);
  const chapters = book.chapters.map((chapterPath, index): Chapter => ({
    label: firstTitleFor(toc, chapterPath) ?? tree.headings[index] ?? `Chapter ${index + 1}`,
    ...chapterSpans[index]!,
  }));
  const offsetOf = (target: TocEntry['target']): number | null => {
    if (!target) return null;
    const anchor = target.fragment ? tree.anchors.get(`${target.path}#${target.fragment}`) : undefined;
    const anchorSpan = anchor && spans.get(anchor);
    if (anchorSpan) return anchorSpan.start;
    const index = book.chapters.indexOf(target.path);
    return index < 0 ? null : chapterSpans[index]!.start;
  };

  const title = book.title ?? path.basename(fileName, path.extname(fileName));
  return {
    sha256,
    chapters,
    outline: outlineOf(toc, offsetOf),
    document: {
      title,
      byline: book.authors.length > 0 ? book.authors.join(', ') : null,
      authors: book.authors,
      published: book.published,
      publisher: book.publisher,
      language: book.language,
      sourceUrl: null,
      format: 'html',
      html,
      text,
      wordCount: countWords(text),
      // A book is the same book when its bytes are: two editions may share every word of their text.
      contentHash: sha256,
    },
  };
}

function tocAnchors(toc: readonly TocEntry[], tree: BookTree): TreeElement[] {
  const found: TreeElement[] = [];
  const visit = (entries: readonly TocEntry[]) => {
    for (const entry of entries) {
      const target = entry.target;
      const anchor = target?.fragment ? tree.anchors.get(`${target.path}#${target.fragment}`) : undefined;
      if (anchor) found.push(anchor);
      visit(entry.children);
    }
  };
  visit(toc);
  return found;
}

/** The first title the contents give a chapter, in their order: the entry for the file itself, else one inside it. */
function firstTitleFor(toc: readonly TocEntry[], chapterPath: string): string | null {
  let inside: string | null = null;
  const visit = (entries: readonly TocEntry[]): string | null => {
    for (const entry of entries) {
      if (entry.target?.path === chapterPath) {
        if (!entry.target.fragment) return entry.title;
        inside ??= entry.title;
      }
      const found = visit(entry.children);
      if (found) return found;
    }
    return null;
  };
  return visit(toc) ?? inside;
}

/** Entries that point at nothing in the text (a file outside the spine) give their place to their children. */
function outlineOf(toc: readonly TocEntry[], offsetOf: (target: TocEntry['target']) => number | null): OutlineEntry[] {
  return toc.flatMap((entry): OutlineEntry[] => {
    const children = outlineOf(entry.children, offsetOf);
    const offset = offsetOf(entry.target) ?? children[0]?.offset ?? null;
    return offset === null ? children : [{ title: entry.title.slice(0, 500), offset, children }];
  });
}
