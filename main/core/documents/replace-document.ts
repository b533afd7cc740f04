import type { ReplaceReport } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { listHighlightSelectors, saveAnchoring } from '../highlights/highlight-repo';
import { reanchorInReadingOrder } from '../highlights/reanchor';
import { reanchorMentions } from '../actors/mention-records';
import { prepareDocument } from '../import/import-document';
import { ImportRefusal } from '../import/import-refusal';
import { isEpub } from '../import/epub/is-epub';
import { prepareEpub, type PreparedEpub } from '../import/epub/prepare-epub';
import { documentWithFile, forgetDocumentFile, writeEpubFile } from '../import/epub/epub-file-rows';
import { getDocumentSummary } from './document-repo';
import { replacementKind } from './replaceable';
import { hasPdfSignature } from '../import/detect-format';
import { PasswordRefusal, preparePdf, type PreparedPdf } from '../import/pdf/import-pdf';
import { insertDocumentFile } from './document-files';
import { moveAreasToPages } from '../highlights/area-places';
import { nowIso } from '../clock';
import { removeDocumentBody, writeDocumentBody } from './document-body';

/**
 * Swaps in a newer version of a document and re-anchors every highlight (and judged mention) on it, in one
 * transaction: the library never holds new text with old positions.
 */
export function replaceDocument(library: Library, id: number, fileName: string, bytes: Uint8Array, password?: string): ReplaceReport {
  const document = getDocumentSummary(library, id);
  const file = prepare<[number], { media_type: string }>(library.db, 'SELECT media_type FROM document_files WHERE document_id = ?').get(id);
  const comesAsPdf = hasPdfSignature(bytes);
  if (replacementKind(file?.media_type ?? null) === 'pdf' && !comesAsPdf) {
    throw new FieldbookError('refused', `“${document.title}” is a PDF: choose the newer version of the PDF (${fileName} is not one).`);
  }
  let prepared;
  let book: PreparedEpub | null = null;
  let pdf: PreparedPdf | null = null;
  try {
    pdf = comesAsPdf ? preparePdf(fileName, bytes, password) : null;
    book = !pdf && isEpub(fileName, bytes) ? prepareEpub(fileName, bytes) : null;
    prepared = pdf?.document ?? book?.document ?? prepareDocument(fileName, bytes);
  } catch (error) {
    if (error instanceof PasswordRefusal) {
      const ask =
        error.problem === 'needed'
          ? `${fileName} is encrypted: give its password to replace “${document.title}” with it.`
          : `The password given for ${fileName} is wrong; “${document.title}” is as it was.`;
      throw new FieldbookError('refused', ask, error.problem);
    }
    if (error instanceof ImportRefusal) throw new FieldbookError('refused', error.message);
    throw error;
  }
  return library.write(() => {
    const clash = prepare<[string, number], { title: string }>(
      library.db,
      'SELECT title FROM documents WHERE content_hash = ? AND id != ?',
    ).get(prepared.contentHash, id);
    if (clash) throw new FieldbookError('conflict', `${fileName} is already in the library as “${clash.title}”.`);
    const sha256 = pdf?.file.sha256 ?? book?.sha256;
    const holder = sha256 && documentWithFile(library, sha256);
    if (holder && holder !== id) throw new FieldbookError('conflict', `${fileName} is already in the library as “${getDocumentSummary(library, holder).title}”.`);
    // Out of the index under the title it was indexed with, before the row takes the new one.
    removeDocumentBody(library, id);
    // Details the person gave are theirs; the new version only fills those still empty.
    prepare(
      library.db,
      `UPDATE documents SET title = ?, byline = ?, source_url = coalesce(?, source_url), file_name = ?, format = ?,
         word_count = ?, content_hash = ?, updated_at = ?,
         authors = CASE WHEN authors = '[]' THEN ? ELSE authors END, published = coalesce(published, ?),
         publisher = coalesce(publisher, ?), language = coalesce(language, ?)
       WHERE id = ?`,
    ).run(
      prepared.title,
      prepared.byline,
      prepared.sourceUrl,
      fileName,
      prepared.format,
      prepared.wordCount,
      prepared.contentHash,
      nowIso(),
      JSON.stringify(prepared.authors),
      prepared.published,
      prepared.publisher,
      prepared.language,
      id,
    );
    writeDocumentBody(library, id, prepared.html, prepared.text);
    // The old file's chapters or pages counted in the old text; a book or a PDF brings its own.
    forgetDocumentFile(library, id);
    if (book) writeEpubFile(library, id, book, bytes);
    if (pdf) insertDocumentFile(library, id, pdf.file, 'page', pdf.pages);
    const report: ReplaceReport = { document: getDocumentSummary(library, id), exact: 0, approximate: 0, orphaned: 0 };
    for (const { id: highlightId, anchoring } of reanchorInReadingOrder(prepared.text, listHighlightSelectors(library, id))) {
      saveAnchoring(library, highlightId, anchoring, prepared.text);
      report[anchoring.status]++;
    }
    // An area stays on its page, now wherever that page's text begins; past the new last page it is orphaned.
    for (const status of moveAreasToPages(library, id, pdf?.pages ?? [])) report[status]++;
    reanchorMentions(library, id, prepared.text);
    return report;
  });
}
