import type { DocumentFull, DocumentSummary } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { sortedByText } from '../../common/sort-orders';

interface DocumentRow {
  id: number;
  uid: string;
  title: string;
  byline: string | null;
  source_url: string | null;
  file_name: string | null;
  format: DocumentSummary['format'];
  word_count: number;
  imported_at: string;
  updated_at: string;
}

const SUMMARY_COLUMNS = 'id, uid, title, byline, source_url, file_name, format, word_count, imported_at, updated_at';

export interface NewDocument {
  uid: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  format: DocumentSummary['format'];
  html: string;
  text: string;
  wordCount: number;
  contentHash: string;
  importedAt: string;
}

export function insertDocument(library: Library, doc: NewDocument): number {
  const result = prepare(
    library.db,
    `INSERT INTO documents (uid, title, byline, source_url, file_name, format, html, text, word_count, content_hash, imported_at, updated_at)
     VALUES (@uid, @title, @byline, @sourceUrl, @fileName, @format, @html, @text, @wordCount, @contentHash, @importedAt, @importedAt)`,
  ).run(doc);
  return Number(result.lastInsertRowid);
}

export function findDocumentIdByHash(library: Library, contentHash: string): number | null {
  const row = prepare<[string], { id: number }>(library.db, 'SELECT id FROM documents WHERE content_hash = ?').get(contentHash);
  return row?.id ?? null;
}

export function listDocuments(library: Library): DocumentSummary[] {
  const rows = prepare<[], DocumentRow>(
    library.db,
    `SELECT ${SUMMARY_COLUMNS} FROM documents`,
  ).all();
  return sortedByText(rows.map(toSummary), (document) => document.title);
}

export function getDocumentSummary(library: Library, id: number): DocumentSummary {
  const row = prepare<[number], DocumentRow>(library.db, `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no document with id ${id}.`);
  return toSummary(row);
}

export function getDocument(library: Library, id: number): DocumentFull {
  const row = prepare<[number], DocumentRow & { html: string; text: string }>(
    library.db,
    `SELECT ${SUMMARY_COLUMNS}, html, text FROM documents WHERE id = ?`,
  ).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no document with id ${id}.`);
  return { ...toSummary(row), html: row.html, text: row.text };
}

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    byline: row.byline,
    sourceUrl: row.source_url,
    fileName: row.file_name,
    format: row.format,
    wordCount: row.word_count,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
  };
}
