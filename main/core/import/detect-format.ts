import path from 'node:path';
import { ImportRefusal } from './import-refusal';

export type DocumentFormat = 'html' | 'markdown' | 'text';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

export function detectFormat(fileName: string, text: string): DocumentFormat {
  const extension = path.extname(fileName).toLowerCase();
  const known = BY_EXTENSION[extension];
  if (known) return known;
  if (extension === '') return /^\s*(<!doctype html|<html[\s>])/i.test(text) ? 'html' : 'text';
  throw new ImportRefusal(fileName, `${extension} files are not supported (Fieldbook imports HTML, Markdown, plain text, PDF and EPUB)`);
}

/** Whether the file may be a page, whose declared encoding is then looked for: HTML by name, or nameless. */
export function mayBeHtml(fileName: string): boolean {
  const extension = path.extname(fileName).toLowerCase();
  return extension === '' || BY_EXTENSION[extension] === 'html';
}

/**
 * Whether the file is a PDF, read with pdf.js rather than as text: by its signature ("%PDF-",
 * which a PDF may put anywhere in its first kilobyte), or by its name, so a damaged one is refused
 * as a damaged PDF rather than as an unknown kind of file.
 */
export function isPdf(fileName: string, bytes: Uint8Array): boolean {
  return path.extname(fileName).toLowerCase() === '.pdf' || hasPdfSignature(bytes);
}

export function hasPdfSignature(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}
