import type { ArchivedFileReference, DocumentSummary } from '../../common/records';
import { describeReference } from '../../common/file-references';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { escapeMarkdown, wikilink } from './markdown-text';
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

/** The SHA-256 of every PDF and EPUB the library holds: an earlier vault's copy of one is still a document's. */
export function storedFileHashes(library: Library): Set<string> {
  return new Set(prepare<[], { sha256: string }>(library.db, 'SELECT sha256 FROM document_files').all().map((row) => row.sha256));
}

/** What a vault that refers to the files says of each, by document id: no bytes are read. */
export function loadFileReferences(library: Library, documents: readonly DocumentSummary[]): Map<number, ArchivedFileReference> {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const rows = prepare<[string], { document_id: number; media_type: MediaType; byte_size: number; sha256: string }>(
    library.db,
    'SELECT document_id, media_type, byte_size, sha256 FROM document_files WHERE document_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...byId.keys()]));
  return new Map(
    rows.map((row) => {
      const document = byId.get(row.document_id)!;
      return [row.document_id, { title: document.title, fileName: document.fileName, mediaType: row.media_type, byteSize: row.byte_size, sha256: row.sha256 }];
    }),
  );
}

/**
 * The end of a document's note when the vault refers to its file: what the file is called and
 * how to be sure of it, for a person who keeps the originals elsewhere.
 */
export function referredFileSection(reference: ArchivedFileReference): string {
  return `## Original file\n\nNot in this vault: ${escapeMarkdown(describeReference(reference))}, SHA-256 \`${reference.sha256}\`.\n`;
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
