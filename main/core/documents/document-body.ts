import { createHash, type Hash } from 'node:crypto';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { splitPassages } from '../search/passages';
import { countWords } from '../text/count-words';

/*
 * A document's body (its sanitised HTML and its plain text) is stored in pieces, never as one
 * value (migration 170). A value of a whole book is a copy of the book at every step of a write:
 * the string, its UTF-8 for SQLite, SQLite's own copy, the row it is written in, and the text once
 * more for the passage trigger. Pieces let an import write a book as it reads it, a piece at a time.
 *
 * The text's pieces begin at a passage's start (search/passages.ts), so a passage never spans
 * two: the trigger on document_text cuts each piece into the passages the search index holds.
 * Their offsets are UTF-16 code units into the whole text, as every offset in Fieldbook is.
 */

/** Characters of text in a piece, give or take a passage: a few pages of a book. */
export const PIECE_CHARACTERS = 16 * 1024;
/** Characters of HTML in a piece: pieces of HTML are only concatenated, so they may cut anywhere. */
const HTML_PIECE_CHARACTERS = 64 * 1024;

/** Where a whole text is cut into pieces: [start, end) ranges that cover it, each at a passage's start. */
export function textPieceBounds(text: string, pieceCharacters = PIECE_CHARACTERS): Array<{ start: number; end: number }> {
  const bounds: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const passage of splitPassages(text)) {
    if (passage.start - start >= pieceCharacters) {
      bounds.push({ start, end: passage.start });
      start = passage.start;
    }
  }
  bounds.push({ start, end: text.length });
  return bounds;
}

/**
 * Writes a body as it arrives, in pieces, for the document `documentId` (whose row must exist,
 * and whose title the passages are indexed with). Text must arrive cut between blocks: each piece
 * of it given is a piece stored (a streamed page's runs, a few paragraphs each).
 */
export class DocumentBodyWriter {
  private textLength = 0;
  private lastPieceStart = 0;
  /**
   * Text with nothing but spaces (a run of images, a rule): held for the next piece, as a piece
   * of its own would be an empty passage in the middle of the document.
   */
  private blank = '';
  private words = 0;
  private readonly hash: Hash = createHash('sha256');

  constructor(
    private readonly library: Library,
    private readonly documentId: number,
  ) {}

  appendText(text: string): void {
    if (text.length === 0) return;
    this.hash.update(text);
    if (text.trim() === '') {
      this.blank += text;
      return;
    }
    const piece = this.blank + text;
    this.blank = '';
    prepare(this.library.db, 'INSERT INTO document_text (document_id, start, "end", text) VALUES (?, ?, ?, ?)').run(
      this.documentId,
      this.textLength,
      this.textLength + piece.length,
      piece,
    );
    this.lastPieceStart = this.textLength;
    this.textLength += piece.length;
    this.words += countWords(piece);
  }

  appendHtml(html: string): void {
    for (let at = 0; at < html.length; ) {
      const end = pieceEnd(html, at + HTML_PIECE_CHARACTERS);
      prepare(this.library.db, 'INSERT INTO document_html (document_id, html) VALUES (?, ?)').run(this.documentId, html.slice(at, end));
      at = end;
    }
  }

  /** The text's word count and SHA-256, once it is all written; an empty text still gets its one piece. */
  finish(): { wordCount: number; contentHash: string } {
    if (this.textLength === 0) {
      prepare(this.library.db, 'INSERT INTO document_text (document_id, start, "end", text) VALUES (?, 0, ?, ?)').run(this.documentId, this.blank.length, this.blank);
    } else if (this.blank.length > 0) {
      // Spaces at the end change no passage: they join the last piece.
      prepare(this.library.db, 'UPDATE document_text SET text = text || ?, "end" = "end" + ? WHERE document_id = ? AND start = ?').run(
        this.blank,
        this.blank.length,
        this.documentId,
        this.lastPieceStart,
      );
    }
    this.blank = '';
    return { wordCount: this.words, contentHash: this.hash.digest('hex') };
  }
}

/** Where a piece of HTML cut near `end` ends: never between the two halves of an emoji, which SQLite would not keep. */
function pieceEnd(html: string, end: number): number {
  if (end >= html.length) return html.length;
  const code = html.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** Writes a whole body, cut into pieces, for a document that has none. */
export function writeDocumentBody(library: Library, documentId: number, html: string, text: string): void {
  const writer = new DocumentBodyWriter(library, documentId);
  for (const { start, end } of textPieceBounds(text)) writer.appendText(text.slice(start, end));
  writer.appendHtml(html);
  writer.finish();
}

/**
 * Takes a document's body and its passages out of the search index, to write a new one: while
 * its row still carries the title they were indexed with.
 */
export function removeDocumentBody(library: Library, documentId: number): void {
  const db = library.db;
  prepare(
    db,
    `INSERT INTO documents_fts (documents_fts, rowid, title, text)
       SELECT 'delete', p.id, d.title, p.text FROM document_passages p JOIN documents d ON d.id = p.document_id WHERE p.document_id = ?`,
  ).run(documentId);
  prepare(db, 'DELETE FROM document_passages WHERE document_id = ?').run(documentId);
  prepare(db, 'DELETE FROM document_text WHERE document_id = ?').run(documentId);
  prepare(db, 'DELETE FROM document_html WHERE document_id = ?').run(documentId);
}

/** A document's whole plain text, or null when there is no such document. */
export function documentText(library: Library, documentId: number): string | null {
  return prepare<[number], { text: string }>(library.db, 'SELECT text FROM document_bodies WHERE document_id = ?').get(documentId)?.text ?? null;
}
