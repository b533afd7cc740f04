import type { Credibility, Reliability } from '../../common/admiralty';
import type { DocumentFull, DocumentSummary } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { FieldbookError } from '../errors';
import { writeDocumentBody } from './document-body';
import { sortedByText, sortKey } from '../../common/sort-orders';

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
  authors: string;
  published: string | null;
  publisher: string | null;
  language: string | null;
  citation: string | null;
  tags: string | null;
  collection_ids: string | null;
  last_opened_at: string | null;
  reliability: Reliability | null;
  credibility: Credibility | null;
}

/**
 * A summary's columns, its tags and collections with it: one query lists the whole library.
 * Tags and collection ids are joined with a character no tag can hold (tags are single-spaced text).
 */
const SUMMARY_COLUMNS = `d.id, d.uid, d.title, d.byline, d.source_url, d.file_name, d.format, d.word_count, d.imported_at, d.updated_at,
  d.authors, d.published, d.publisher, d.language, d.citation, d.reliability, d.credibility,
  (SELECT group_concat(tag, char(31)) FROM document_tags WHERE document_id = d.id) AS tags,
  (SELECT group_concat(collection_id) FROM document_collections WHERE document_id = d.id) AS collection_ids,
  (SELECT read_at FROM reading_positions WHERE document_id = d.id) AS last_opened_at`;

export interface NewDocument {
  uid: string;
  title: string;
  byline: string | null;
  authors: string[];
  published: string | null;
  publisher: string | null;
  language: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  format: DocumentSummary['format'];
  html: string;
  text: string;
  wordCount: number;
  contentHash: string;
  importedAt: string;
}

export function insertDocument(library: Library, { html, text, ...doc }: NewDocument): number {
  const id = insertDocumentRow(library, doc);
  writeDocumentBody(library, id, html, text);
  return id;
}

/** A document's row alone: its body follows, written whole or as it is read (document-body.ts). */
export function insertDocumentRow(library: Library, doc: Omit<NewDocument, 'html' | 'text'>): number {
  const result = prepare(
    library.db,
    `INSERT INTO documents (uid, title, byline, authors, published, publisher, language, source_url, file_name, format,
       word_count, content_hash, imported_at, updated_at)
     VALUES (@uid, @title, @byline, @authors, @published, @publisher, @language, @sourceUrl, @fileName, @format,
       @wordCount, @contentHash, @importedAt, @importedAt)`,
  ).run({ ...doc, authors: JSON.stringify(doc.authors) });
  return Number(result.lastInsertRowid);
}

export function findDocumentIdByHash(library: Library, contentHash: string): number | null {
  const row = prepare<[string], { id: number }>(library.db, 'SELECT id FROM documents WHERE content_hash = ?').get(contentHash);
  return row?.id ?? null;
}

/** Every document's summary, from rows that hold no bodies (migration 170). */
export const LIST_DOCUMENTS_SQL = `SELECT ${SUMMARY_COLUMNS} FROM documents d`;

export function listDocuments(library: Library): DocumentSummary[] {
  const rows = prepare<[], DocumentRow>(library.db, LIST_DOCUMENTS_SQL).all();
  return sortedByText(rows.map(toSummary), (document) => document.title);
}

export function getDocumentSummary(library: Library, id: number): DocumentSummary {
  const row = prepare<[number], DocumentRow>(library.db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id);
  if (!row) throw new FieldbookError('not_found', `There is no document with id ${id}.`);
  return toSummary(row);
}

export function getDocument(library: Library, id: number): DocumentFull {
  const row = prepare<[number], DocumentRow & { html: string; text: string }>(
    library.db,
    `SELECT ${SUMMARY_COLUMNS}, b.html, b.text FROM documents d JOIN document_bodies b ON b.document_id = d.id WHERE d.id = ?`,
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
    authors: JSON.parse(row.authors) as string[],
    published: row.published,
    publisher: row.publisher,
    language: row.language,
    citation: row.citation,
    tags: row.tags === null ? [] : sortedTags(row.tags.split('\u001f')),
    collectionIds: row.collection_ids === null ? [] : row.collection_ids.split(',').map(Number).sort((a, b) => a - b),
    lastOpenedAt: row.last_opened_at,
    reliability: row.reliability,
    credibility: row.credibility,
  };
}

const sortedTags = (tags: string[]): string[] => tags.map((tag) => ({ tag, key: sortKey(tag) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ tag }) => tag);
