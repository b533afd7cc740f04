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
  throw new ImportRefusal(fileName, `${extension} files are not supported (Fieldbook imports HTML, Markdown, plain text and EPUB)`);
}

/** Whether the file may be a page, whose declared encoding is then looked for: HTML by name, or nameless. */
export function mayBeHtml(fileName: string): boolean {
  const extension = path.extname(fileName).toLowerCase();
  return extension === '' || BY_EXTENSION[extension] === 'html';
}
