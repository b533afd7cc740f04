import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageLines, type PdfLine, type PdfTextItem } from './page-lines';
import { pdfjsOptions } from './pdf-engine';

/** One entry of a PDF's table of contents: its title, the page it opens (0-based) and its own entries. */
export interface PdfOutlineEntry {
  title: string;
  page: number | null;
  items: PdfOutlineEntry[];
}

/** What Fieldbook takes from a PDF: text lines per page and the metadata, nothing that could run. */
export interface PdfReading {
  pageCount: number;
  /** The Info dictionary's and the XMP packet's entries, as written (checked in pdf-title.ts). */
  infoTitle: string | null;
  xmpTitle: string | null;
  author: string | null;
  language: string | null;
  /** The printed page labels (/PageLabels), one a page, when the PDF has them. */
  pageLabels: string[] | null;
  outline: PdfOutlineEntry[];
  pages: PdfLine[][];
}

export type PdfReadResult =
  | { ok: true; reading: PdfReading }
  | { ok: false; problem: 'needs-password' | 'wrong-password' | 'damaged'; detail: string };

/** pdf.js's worker module; it ships no types, and only its WorkerMessageHandler is looked at, by pdf.js. */
const PDFJS_WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** A hostile outline can be millions of entries deep or wide; a table of contents is not. */
const MAX_OUTLINE_ENTRIES = 5000;
const MAX_OUTLINE_DEPTH = 10;

/**
 * Reads a PDF with pdf.js: every page's text, one page at a time (its operator lists and fonts let
 * go before the next: `page.cleanup()`), then the loading task destroyed, whatever happened.
 * Runs in its own thread (pdf-thread.ts), since pdf.js only answers asynchronously.
 */
export async function readPdf(bytes: Uint8Array, password: string | undefined): Promise<PdfReadResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's own worker runs in this thread (this thread is already apart from the library's): given
  // here, it is not looked for by a path of pdf.js's choosing.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(PDFJS_WORKER_MODULE);
  const task = pdfjs.getDocument(pdfjsOptions(bytes, password));
  try {
    const document = await task.promise;
    const { info, metadata } = await document.getMetadata();
    const fields = info as Record<string, unknown>;
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      pages.push(pageLines(content.items.filter((item) => 'str' in item) as PdfTextItem[]));
      page.cleanup();
    }
    return {
      ok: true,
      reading: {
        pageCount: document.numPages,
        infoTitle: stringField(fields.Title),
        xmpTitle: stringField(metadata?.get('dc:title')),
        author: stringField(fields.Author) ?? stringField(firstOf(metadata?.get('dc:creator'))),
        language: stringField(fields.Language),
        pageLabels: await pageLabels(document),
        outline: await outline(document),
        pages,
      },
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const code = (error as { code?: unknown }).code;
    const detail = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') return { ok: false, problem: code === pdfjs.PasswordResponses.INCORRECT_PASSWORD ? 'wrong-password' : 'needs-password', detail };
    return { ok: false, problem: 'damaged', detail };
  } finally {
    await task.destroy();
  }
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Labels are optional and often damaged: a broken /PageLabels tree leaves plain numbers. */
async function pageLabels(document: PDFDocumentProxy): Promise<string[] | null> {
  try {
    const labels = await document.getPageLabels();
    return labels && labels.length === document.numPages ? labels : null;
  } catch {
    return null;
  }
}

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

/** The outline with each entry's page; a link to a web address has none (it is never followed). */
async function outline(document: PDFDocumentProxy): Promise<PdfOutlineEntry[]> {
  let budget = MAX_OUTLINE_ENTRIES;
  const walk = async (nodes: readonly OutlineNode[] | null | undefined, depth: number): Promise<PdfOutlineEntry[]> => {
    const entries: PdfOutlineEntry[] = [];
    for (const node of nodes ?? []) {
      if (budget-- <= 0) break;
      entries.push({
        title: typeof node.title === 'string' ? node.title.trim() : '',
        page: await destinationPage(document, node.dest),
        items: depth < MAX_OUTLINE_DEPTH ? await walk(node.items as OutlineNode[], depth + 1) : [],
      });
    }
    return entries;
  };
  try {
    return await walk(await document.getOutline(), 1);
  } catch {
    return [];
  }
}

async function destinationPage(document: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
    const target: unknown = explicit?.[0];
    if (typeof target === 'number') return target;
    if (target && typeof target === 'object') return await document.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0]);
    return null;
  } catch {
    return null;
  }
}
