import path from 'node:path';

/** A title for a document that names none: its file's name, without extension or dashes. */
export function titleFromFileName(fileName: string): string {
  return path.basename(fileName, path.extname(fileName)).replace(/[-_]+/g, ' ').trim() || fileName;
}
