import type { DocumentSummary } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { wikilink } from './markdown-text';
import type { FileNameAllocator } from './safe-file-name';

/**
 * The PDFs and EPUBs a vault carries beside their documents' notes, byte for byte as they were
 * imported: the notes hold the annotations, the attachment is the thing annotated.
 */
export const ATTACHMENTS_FOLDER = 'Attachments';

type MediaType = 'application/pdf' | 'application/epub+zip';

export interface DocumentOriginal {
  mediaType: MediaType;
  bytes: Uint8Array;
}

export interface VaultAttachment {
  /** The file's name in the vault, unique across it (up to case), so `[[name]]` finds it from any folder. */
  name: string;
  mediaType: MediaType;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<MediaType, string> = { 'application/pdf': 'pdf', 'application/epub+zip': 'epub' };

/** The files of these documents (the vault's), so no other document's bytes are read. */
export function loadOriginals(library: Library, documentIds: Iterable<number>): Map<number, DocumentOriginal> {
  const rows = prepare<[string], { document_id: number; media_type: MediaType; bytes: Buffer }>(
    library.db,
    'SELECT document_id, media_type, bytes FROM document_files WHERE document_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...documentIds]));
  return new Map(rows.map((row) => [row.document_id, { mediaType: row.media_type, bytes: row.bytes }]));
}

/**
 * Names each document's file after the name it was imported as (else its title), with the
 * extension its kind has, whatever the imported name ended in. Called after every note is named,
 * so adding files to a vault never renames a note that links elsewhere.
 */
export function nameAttachments(
  documents: readonly DocumentSummary[],
  originals: ReadonlyMap<number, DocumentOriginal>,
  names: FileNameAllocator,
): Map<number, VaultAttachment> {
  const attachments = new Map<number, VaultAttachment>();
  for (const document of documents) {
    const original = originals.get(document.id);
    if (!original) continue;
    const extension = EXTENSIONS[original.mediaType];
    const stem = document.fileName?.replace(/\.[^.]*$/, '').trim() || document.title;
    attachments.set(document.id, { name: names.allocate(stem, extension), ...original });
  }
  return attachments;
}

/**
 * The end of a document's note: a PDF embedded, which Obsidian shows with its own viewer, and an
 * EPUB linked (Obsidian has no EPUB viewer; it lists the file once "Detect all file extensions"
 * is on, or an EPUB plugin is installed, and opens it from there).
 */
export function originalFileSection(attachment: VaultAttachment): string {
  const link = wikilink(attachment.name);
  return `## Original file\n\n${attachment.mediaType === 'application/pdf' ? `!${link}` : link}\n`;
}
