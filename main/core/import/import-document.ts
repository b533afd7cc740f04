import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportOutcome } from '../../common/records';
import { newUid, nowIso } from '../clock';
import { authorsFromByline } from '../../common/document-details';
import type { Library } from '../db/library';
import { findDocumentIdByHash, getDocumentSummary, insertDocument } from '../documents/document-repo';
import { checkTextFile, textChunks, wholeText } from './decode-text-file';
import { detectFormat, isPdf, type DocumentFormat } from './detect-format';
import { extractArticle, type ExtractedArticle } from './extract-article';
import { extractLargeArticle, LARGE_PAGE_BYTES, type LargeArticle } from './extract-large-article';
import { ImportRefusal } from './import-refusal';
import { isQdpx } from './qdpx-archive';
import { importEpub } from './epub/import-epub';
import { isEpub } from './epub/is-epub';
import { markdownToHtml } from './markdown-to-html';
import { parseBodyFragment } from './html-tree';
import { normaliseDocument } from './normalise-text';
import { importPdf } from './pdf/import-pdf';
import { sanitiseTree } from './sanitise-html';
import { textToHtml } from './text-to-html';
import { importLargePage } from './import-large-page';
import { titleFromFileName } from './title-from-file-name';
import { countWords } from '../text/count-words';

export interface PreparedDocument {
  title: string;
  byline: string | null;
  /** The byline's names, to start the authors with. */
  authors: string[];
  published: string | null;
  publisher: string | null;
  language: string | null;
  sourceUrl: string | null;
  format: DocumentFormat;
  html: string;
  text: string;
  wordCount: number;
  contentHash: string;
}

export interface PrepareOptions {
  /** Saved pages larger than this are read in two streaming passes (extract-large-article.ts). */
  largePageBytes?: number;
  /**
   * The title, where it is known apart from the file (a REFI-QDA source's name). A plain text's
   * first line then stays in its text instead of being taken for the title: another tool's
   * selections count positions from the text's first character.
   */
  title?: string;
}

/** Everything short of the database: decoding, extraction, sanitising and the plain text. */
export function prepareDocument(fileName: string, bytes: Uint8Array, options: PrepareOptions = {}): PreparedDocument {
  const { format, html, text, contentHash, ...converted } = convert(fileName, bytes, options);
  if (text.trim().length === 0) throw new ImportRefusal(fileName, 'no readable text was found in it');
  return {
    title: options.title?.trim() || (converted.title ?? '').trim() || titleFromFileName(fileName),
    byline: converted.byline,
    authors: authorsFromByline(converted.byline),
    published: converted.details?.published ?? null,
    publisher: converted.details?.publisher ?? null,
    language: converted.details?.language ?? null,
    sourceUrl: converted.sourceUrl,
    format,
    html,
    text,
    wordCount: countWords(text),
    contentHash,
  };
}

export interface ImportFileOptions {
  /** An encrypted PDF's password. */
  password?: string;
}

/**
 * Imports one file. Refusals are outcomes, not exceptions, so one bad file in a batch leaves
 * the others to import; a refused file writes nothing.
 */
export function importFile(library: Library, fileName: string, bytes: Uint8Array, options: ImportFileOptions = {}): ImportOutcome {
  const name = path.basename(fileName);
  if (isPdf(name, bytes)) return importPdf(library, name, bytes, options.password);
  if (isQdpx(bytes)) {
    const message = `${name} was not imported as a document: it is a REFI-QDA project, whose documents, codes and selections are imported together, as a project.`;
    return { fileName: name, status: 'refused', message };
  }
  if (isEpub(name, bytes)) return importEpub(library, name, bytes);
  try {
    const { format, encoding } = checkedFile(name, bytes);
    if (isLargePage(format, bytes)) return importLargePage(library, name, () => textChunks(bytes, encoding));
    return importPrepared(library, name, prepareDocument(name, bytes));
  } catch (error) {
    if (error instanceof ImportRefusal) return { fileName: name, status: 'refused', message: error.message };
    throw error;
  }
}

function importPrepared(library: Library, name: string, prepared: PreparedDocument): ImportOutcome {
  return library.write(() => {
    const existing = findDocumentIdByHash(library, prepared.contentHash);
    if (existing !== null) {
      const document = getDocumentSummary(library, existing);
      return {
        fileName: name,
        status: 'duplicate',
        document,
        message: `${name} is already in the library as “${document.title}”.`,
      };
    }
    const id = insertDocument(library, { ...prepared, uid: newUid(), fileName: name, importedAt: nowIso() });
    return { fileName: name, status: 'imported', document: getDocumentSummary(library, id) };
  });
}

/**
 * A saved page is parsed from its bytes a piece at a time, and read again should Readability give
 * up: decoded whole and held through Readability and the rest, a book-length page, twice the
 * file's size as UTF-16, would sit beside its DOM, and the heap grows in proportion to what it
 * holds. (A function's locals stay reachable until it returns, used or not: hence the split.)
 */
function convert(fileName: string, bytes: Uint8Array, options: PrepareOptions): LargeArticle & { format: DocumentFormat } {
  const { format, encoding } = checkedFile(fileName, bytes);
  const readPage = () => textChunks(bytes, encoding);
  if (isLargePage(format, bytes, options.largePageBytes)) {
    return { format, ...extractLargeArticle(readPage, bytes.byteLength) };
  }
  return {
    format,
    ...normalised(format === 'html' ? extractArticle(readPage) : convertText(format, wholeText(bytes, encoding), options.title === undefined)),
  };
}

function normalised({ content, ...found }: ExtractedArticle): LargeArticle {
  sanitiseTree(content);
  const { html, text } = normaliseDocument(content);
  return { ...found, html, text, contentHash: createHash('sha256').update(text).digest('hex') };
}

function isLargePage(format: DocumentFormat, bytes: Uint8Array, largePageBytes = LARGE_PAGE_BYTES): boolean {
  return format === 'html' && bytes.byteLength > largePageBytes;
}

/** Refuses what is not text (empty, binary, undecodable, unsupported); its format and encoding. */
function checkedFile(fileName: string, bytes: Uint8Array): { format: DocumentFormat; encoding: string } {
  const { head, encoding } = checkTextFile(fileName, bytes);
  return { format: detectFormat(fileName, head), encoding };
}

function convertText(format: 'markdown' | 'text', source: string, firstLineMayBeTitle: boolean) {
  const { title, html } = format === 'markdown' ? markdownToHtml(source) : textToHtml(source, { firstLineMayBeTitle });
  return { title, byline: null, sourceUrl: null, content: parseBodyFragment(html) };
}
