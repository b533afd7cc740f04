import type { HighlightColour, SearchResults } from '../../api';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { foldCharacters } from '../../fold-text';
import { eachWord } from '../text/word-tokens';
import { MARK_END, MARK_START, toSnippet } from './snippet';
import { translateQuery } from './translate-query';

export interface SearchOptions {
  query: string;
  kinds?: Array<'document' | 'highlight' | 'note' | 'actor'>;
  actorId?: number;
  colour?: HighlightColour;
  documentId?: number;
  limit?: number;
}

const EMPTY: SearchResults = { documents: [], highlights: [], notes: [], actors: [] };
const SNIPPET = (table: string, column: number, tokens = 14) => `snippet(${table}, ${column}, '${MARK_START}', '${MARK_END}', '…', ${tokens})`;

/**
 * One query over documents, highlights, notes and actors, each kind ranked by bm25 (titles and
 * names weigh more than body text). Filters narrow what each kind can return.
 */
export function searchLibrary(library: Library, options: SearchOptions): SearchResults {
  const { match, terms } = translateQuery(options.query);
  if (!match) return EMPTY;
  const limit = options.limit ?? 10;
  const wants = (kind: 'document' | 'highlight' | 'note' | 'actor') => !options.kinds || options.kinds.includes(kind);
  const onlyHighlights = options.colour !== undefined;
  return {
    documents: wants('document') && !onlyHighlights ? searchDocuments(library, match, terms, options, limit) : [],
    highlights: wants('highlight') ? searchHighlights(library, match, options, limit) : [],
    notes: wants('note') && !onlyHighlights && options.documentId === undefined ? searchNotes(library, match, options, limit) : [],
    actors:
      wants('actor') && !onlyHighlights && options.documentId === undefined && options.actorId === undefined
        ? searchActors(library, match, limit)
        : [],
  };
}

/**
 * Ranks first and makes snippets after: computing a snippet (and copying the text) for every
 * matching document before LIMIT costs tens of milliseconds for a common word.
 */
function searchDocuments(library: Library, match: string, terms: string[], options: SearchOptions, limit: number) {
  const ranked = prepare<[Record<string, unknown>], { id: number }>(
    library.db,
    `SELECT documents_fts.rowid AS id FROM documents_fts
     WHERE documents_fts MATCH @match
       AND (@documentId IS NULL OR documents_fts.rowid = @documentId)
       AND (@actorId IS NULL OR EXISTS (SELECT 1 FROM highlights h JOIN highlight_actors ha ON ha.highlight_id = h.id
                                  WHERE h.document_id = documents_fts.rowid AND ha.actor_id = @actorId AND h.deleted_at IS NULL))
     ORDER BY bm25(documents_fts, 8.0, 1.0) LIMIT @limit`,
  ).all(params(match, options, limit));
  const detail = prepare<[string, number], { title: string; text: string; snip: string }>(
    library.db,
    `SELECT d.title, d.text, ${SNIPPET('documents_fts', 1, 20)} AS snip
     FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
     WHERE documents_fts MATCH ? AND documents_fts.rowid = ?`,
  );
  return ranked.map(({ id }) => {
    const row = detail.get(match, id)!;
    return { id, title: row.title, snippet: toSnippet(row.snip), match: firstMatch(row.text, terms) };
  });
}

function searchHighlights(library: Library, match: string, options: SearchOptions, limit: number) {
  const ranked = prepare<[Record<string, unknown>], { id: number }>(
    library.db,
    `SELECT h.id FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.rowid
     WHERE highlights_fts MATCH @match AND h.deleted_at IS NULL
       AND (@documentId IS NULL OR h.document_id = @documentId)
       AND (@colour IS NULL OR h.colour = @colour)
       AND (@actorId IS NULL OR EXISTS (SELECT 1 FROM highlight_actors ha WHERE ha.highlight_id = h.id AND ha.actor_id = @actorId))
     ORDER BY bm25(highlights_fts) LIMIT @limit`,
  ).all(params(match, options, limit));
  const detail = prepare<[string, number], { document_id: number; title: string; colour: HighlightColour; snip: string }>(
    library.db,
    `SELECT h.document_id, d.title, h.colour, ${SNIPPET('highlights_fts', -1)} AS snip
     FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.rowid JOIN documents d ON d.id = h.document_id
     WHERE highlights_fts MATCH ? AND highlights_fts.rowid = ?`,
  );
  return ranked.map(({ id }) => {
    const row = detail.get(match, id)!;
    return { id, documentId: row.document_id, documentTitle: row.title, colour: row.colour, snippet: toSnippet(row.snip) };
  });
}

function searchNotes(library: Library, match: string, options: SearchOptions, limit: number) {
  const ranked = prepare<[Record<string, unknown>], { id: number }>(
    library.db,
    `SELECT n.id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
     WHERE notes_fts MATCH @match AND n.deleted_at IS NULL
       AND (@actorId IS NULL OR EXISTS (SELECT 1 FROM links l WHERE l.from_note_id = n.id AND l.target_kind = 'actor' AND l.target_id = @actorId))
     ORDER BY bm25(notes_fts, 5.0, 1.0) LIMIT @limit`,
  ).all(params(match, options, limit));
  const detail = prepare<[string, number], { title: string; snip: string }>(
    library.db,
    `SELECT n.title, ${SNIPPET('notes_fts', -1)} AS snip FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
     WHERE notes_fts MATCH ? AND notes_fts.rowid = ?`,
  );
  return ranked.map(({ id }) => {
    const row = detail.get(match, id)!;
    return { id, title: row.title, snippet: toSnippet(row.snip) };
  });
}

function searchActors(library: Library, match: string, limit: number) {
  const rows = prepare<[Record<string, unknown>], { id: number; name: string; kind: SearchResults['actors'][number]['kind']; colour: string; snip: string }>(
    library.db,
    `SELECT a.id, a.name, a.kind, a.colour, ${SNIPPET('actors_fts', -1)} AS snip
     FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid
     WHERE actors_fts MATCH @match ORDER BY bm25(actors_fts, 5.0, 3.0, 1.0) LIMIT @limit`,
  ).all({ match, limit });
  return rows.map(({ snip, ...actor }) => ({ ...actor, snippet: toSnippet(snip) }));
}

/** The named values every search query draws from; better-sqlite3 ignores those a query doesn't name. */
function params(match: string, options: SearchOptions, limit: number): Record<string, unknown> {
  return { match, limit, documentId: options.documentId ?? null, actorId: options.actorId ?? null, colour: options.colour ?? null };
}

/** Where the reader should scroll: the first word that one of the query's terms begins. */
function firstMatch(text: string, terms: string[]): { start: number; end: number } | null {
  const folded = terms.map((t) => foldCharacters(t));
  for (const token of eachWord(text)) {
    if (folded.some((term) => token.word.startsWith(term))) return { start: token.start, end: token.end };
  }
  return null;
}

/** For libraries whose index was lost or predates a tokenizer change. */
export function rebuildSearchIndex(library: Library): void {
  library.db.exec(`
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    INSERT INTO highlights_fts(highlights_fts) VALUES ('rebuild');
    INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
    DELETE FROM actors_fts;
    INSERT INTO actors_fts(rowid, name, aliases, description)
      SELECT a.id, a.name,
        coalesce((SELECT group_concat(alias, ' | ' ORDER BY position) FROM actor_aliases WHERE actor_id = a.id), ''),
        a.description
      FROM actors a;
  `);
}
