import { gradeText } from '../../common/admiralty';
import { citePart, type DocumentPart } from '../../common/document-parts';
import type { DocumentFull } from '../../common/records';
import { callOp } from '../call-op';
import { CliFailure, EXIT_OK, usageError } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

export function runShow({ library, io, operands, json, options }: CommandInput): number {
  const typed = operands[0]!;
  const { html: _html, ...document } = callOp(library, 'documents.get', { id: idFromArgument(typed) });
  const { file, parts } = callOp(library, 'documents.parts', { id: document.id });
  if (options.page !== undefined) {
    const part = pageOf(document, parts, options.page);
    const text = document.text.slice(part.startOffset, part.endOffset);
    if (json) writeJson(io, { documentId: document.id, page: part.ordinal + 1, label: part.label, text });
    else io.stdout.write(`${marker(part)}\n${text || NO_TEXT}\n`);
    return EXIT_OK;
  }
  if (json) {
    // The sanitised HTML is for the reader view; on a terminal, the plain text is the document.
    writeJson(io, file ? { ...document, file, parts } : document);
    return EXIT_OK;
  }
  const lines = metadataLines(document);
  if (file) lines.push(`${'Pages:'.padEnd(10)}${file.partCount}${file.hasText ? '' : ' (a scan: no text to highlight or search)'}`);
  io.stdout.write(`${lines.join('\n')}\n\n${parts.length > 0 ? textByPart(document.text, parts) : document.text}\n`);
  return EXIT_OK;
}

const NO_TEXT = '(no text on this page)';

/** "--- p. 3 ---" (a page by its printed label), or a chapter's title: where each part of the text begins. */
const marker = (part: DocumentPart) => `--- ${citePart(part)} ---`;

function textByPart(text: string, parts: readonly DocumentPart[]): string {
  return parts.map((part) => `${marker(part)}\n${text.slice(part.startOffset, part.endOffset) || (part.kind === 'page' ? NO_TEXT : '')}`).join('\n\n');
}

/** `--page N`: the Nth page of the file, counted from 1 as a PDF viewer counts (and W3C's page=N), whatever its printed label. */
function pageOf(document: Pick<DocumentFull, 'id' | 'title'>, parts: readonly DocumentPart[], typed: string): DocumentPart {
  if (!/^[1-9]\d{0,8}$/.test(typed)) throw usageError(`--page takes a page number from 1, not “${typed}”.`);
  const pages = parts.filter((part) => part.kind === 'page');
  if (pages.length === 0) throw new CliFailure(`#${document.id} “${document.title}” has no pages: it did not come as a PDF.`);
  const page = pages[Number(typed) - 1];
  if (!page) throw new CliFailure(`#${document.id} “${document.title}” has ${pages.length} page${pages.length === 1 ? '' : 's'}; there is no page ${typed}.`);
  return page;
}

function metadataLines(document: Omit<DocumentFull, 'html'>): string[] {
  const fields: [string, string | number | null][] = [
    ['Id', document.id],
    ['Title', document.title],
    ['Byline', document.byline],
    ['Source', document.sourceUrl],
    ['File', document.fileName],
    ['Format', document.format],
    ['Words', document.wordCount],
    ['Grade', gradeText(document.reliability ?? null, document.credibility ?? null)],
    ['Imported', document.importedAt],
    ['Updated', document.updatedAt],
  ];
  return fields.filter(([, value]) => value !== null).map(([label, value]) => `${`${label}:`.padEnd(10)}${value}`);
}
