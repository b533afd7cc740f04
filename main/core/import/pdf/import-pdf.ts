import { createHash } from 'node:crypto';
import type { OutlineEntry } from '../../../common/document-parts';
import { authorsFromByline } from '../../../common/document-details';
import type { ImportOutcome } from '../../../common/records';
import { newUid, nowIso } from '../../clock';
import type { Library } from '../../db/library';
import { fileContentHash, findDocumentIdByFile, insertDocumentFile, type NewDocumentFile, type NewDocumentPart } from '../../documents/document-files';
import { findDocumentIdByHash, getDocumentSummary, insertDocument, type NewDocument } from '../../documents/document-repo';
import { countWords } from '../../text/count-words';
import { MAX_IMPORT_BYTES, oversizeReason } from '../../../common/import-limits';
import { hasPdfSignature } from '../detect-format';
import { ImportRefusal } from '../import-refusal';
import { titleFromFileName } from '../title-from-file-name';
import { pdfDocumentBody } from './pdf-document';
import { PDF_EXTRACTION } from './pdf-engine';
import { pdfParagraphs } from './pdf-paragraphs';
import { readPdfInThread } from './pdf-thread';
import { pdfTitle } from './pdf-title';
import type { PdfOutlineEntry, PdfReading } from './read-pdf';

export interface PreparedPdf {
  document: Omit<NewDocument, 'uid' | 'fileName' | 'importedAt'>;
  file: NewDocumentFile;
  pages: NewDocumentPart[];
}

/**
 * A PDF's document, file and pages, short of the database. Its identity is the SHA-256 of its
 * bytes, and so is its content hash: two scans both have empty text, and must not collide.
 */
export function preparePdf(fileName: string, bytes: Uint8Array, password: string | undefined): PreparedPdf {
  const reading = readOrRefuse(fileName, bytes, password);
  const labels = reading.pageLabels ?? reading.pages.map((_, index) => String(index + 1));
  const body = pdfDocumentBody(pdfParagraphs(reading.pages), labels.map((label, index) => label.trim() || String(index + 1)));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const byline = reading.author;
  return {
    document: {
      title: pdfTitle(reading, titleFromFileName(fileName)),
      byline,
      authors: authorsFromByline(byline),
      published: null,
      publisher: null,
      language: reading.language,
      sourceUrl: null,
      format: 'html',
      html: body.html,
      text: body.text,
      wordCount: countWords(body.text),
      contentHash: fileContentHash(sha256),
    },
    file: {
      mediaType: 'application/pdf',
      sha256,
      extraction: PDF_EXTRACTION,
      hasText: body.text.trim().length > 0,
      outline: outlineEntries(reading.outline),
      bytes,
    },
    pages: body.pages,
  };
}

/** Imports a PDF: its document, file and pages in one transaction, or nothing. */
export function importPdf(library: Library, fileName: string, bytes: Uint8Array, password: string | undefined): ImportOutcome {
  let prepared: PreparedPdf;
  try {
    prepared = preparePdf(fileName, bytes, password);
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    return { fileName, status: 'refused', message: error.message, ...(error instanceof PasswordRefusal && { password: error.problem }) };
  }
  return library.write(() => {
    const existing = findDocumentIdByFile(library, prepared.file.sha256) ?? findDocumentIdByHash(library, prepared.document.contentHash);
    if (existing !== null) {
      const document = getDocumentSummary(library, existing);
      return { fileName, status: 'duplicate', document, message: `${fileName} is already in the library as “${document.title}”.` };
    }
    const id = insertDocument(library, { ...prepared.document, uid: newUid(), fileName, importedAt: nowIso() });
    insertDocumentFile(library, id, prepared.file, 'page', prepared.pages);
    return { fileName, status: 'imported', document: getDocumentSummary(library, id) };
  });
}

/** A refusal the person can act on by giving the password (or another one). */
export class PasswordRefusal extends ImportRefusal {
  constructor(
    fileName: string,
    readonly problem: 'needed' | 'wrong',
  ) {
    super(fileName, problem === 'needed' ? 'it is encrypted and needs its password' : 'it is encrypted, and the password given for it is wrong');
  }
}

function readOrRefuse(fileName: string, bytes: Uint8Array, password: string | undefined): PdfReading {
  if (bytes.byteLength === 0) throw new ImportRefusal(fileName, 'the file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportRefusal(fileName, oversizeReason(bytes.byteLength));
  // Named .pdf but without a PDF's signature: not worth a thread and pdf.js's attempts at repair.
  if (!hasPdfSignature(bytes)) throw new ImportRefusal(fileName, 'it is not a PDF (it does not start as one)');
  const result = readPdfInThread(bytes, password);
  if (result.ok) return result.reading;
  if (result.problem === 'needs-password') throw new PasswordRefusal(fileName, 'needed');
  if (result.problem === 'wrong-password') throw new PasswordRefusal(fileName, 'wrong');
  throw new ImportRefusal(fileName, `it is damaged or not a PDF (${result.detail.replace(/[.\s]+$/, '')})`);
}

function outlineEntries(entries: readonly PdfOutlineEntry[]): OutlineEntry[] {
  return entries.map((entry) => ({ title: entry.title, part: entry.page, items: outlineEntries(entry.items) }));
}
