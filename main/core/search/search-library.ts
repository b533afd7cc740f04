import type { AnalysisSearchResult, AnalysisTextField } from '../../common/hypotheses';
import type { HighlightColour, SearchResults, Snippet } from '../../common/records';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { stopIfCancelled, type Task } from '../task';
import { passageSnippet } from './passage-snippet';
import { placesOf } from './result-places';
import { termInDocument } from './term-in-document';
import { MARK_END, MARK_START, toSnippet } from './snippet';
import { translateQuery, type PositiveTerm, type TranslatedQuery } from './translate-query';

type SearchKind = 'document' | 'highlight' | 'note' | 'actor' | 'theme' | 'analysis';

export interface SearchOptions {
  query: string;
  kinds?: Array<SearchKind>;
  actorId?: number;
  /** Highlights coded with this theme, the documents holding one, the notes quoting one. */
  themeId?: number;
  colour?: HighlightColour;
  documentId?: number;
  limit?: number;
}

/** Documents holding a live highlight coded with @themeId. */
const CODED_DOCUMENTS = `SELECT h.document_id FROM highlights h JOIN highlight_themes ht ON ht.highlight_id = h.id
                         WHERE ht.theme_id = @themeId AND h.deleted_at IS NULL`;
const CODED_HIGHLIGHT = 'EXISTS (SELECT 1 FROM highlight_themes ht WHERE ht.highlight_id = h.id AND ht.theme_id = @themeId)';

const EMPTY: SearchResults = { documents: [], highlights: [], notes: [], actors: [], themes: [], analyses: [] };
const SNIPPET = (table: string, column: number, tokens = 14) => `snippet(${table}, ${column}, '${MARK_START}', '${MARK_END}', '…', ${tokens})`;

/**
 * One query over documents, highlights, notes, actors, themes and analyses, each kind ranked by bm25 (titles and
 * names weigh more than body text). Filters narrow what each kind can return.
 */
export function searchLibrary(library: Library, options: SearchOptions): SearchResults {
  const query = translateQuery(options.query);
  const { match } = query;
  if (!match) return EMPTY;
  const limit = options.limit ?? 10;
  const wants = (kind: SearchKind) => !options.kinds || options.kinds.includes(kind);
  const onlyHighlights = options.colour !== undefined;
  return {
    documents: wants('document') && !onlyHighlights ? searchDocuments(library, query, options, limit) : [],
    highlights: wants('highlight') ? searchHighlights(library, query, options, limit) : [],
    notes: wants('note') && !onlyHighlights && options.documentId === undefined ? searchNotes(library, match, options, limit) : [],
    actors:
      wants('actor') && !onlyHighlights && options.documentId === undefined && options.actorId === undefined && options.themeId === undefined
        ? searchActors(library, match, limit)
        : [],
    themes:
      wants('theme') && !onlyHighlights && options.documentId === undefined && options.actorId === undefined && options.themeId === undefined
        ? searchThemes(library, match, limit)
        : [],
    // Like notes: an analysis is no document's; by actor or theme, those whose evidence quotes a passage tagged with it.
    analyses: wants('analysis') && !onlyHighlights && options.documentId === undefined ? searchAnalyses(library, query, options, limit) : [],
  };
}

/**
 * A document result is its best passage. The best CANDIDATES passages by bm25 are grouped to
 * documents, so a common word costs one ranking pass and `limit` one-passage snippets, however
 * long the documents are. When a few long documents fill every candidate place, a second, wider
 * pass makes room for the others.
 *
 * Ranking is bounded too: bm25 reads each row's sizes, so ranking all 50,000 passages that hold
 * a common word takes tens of milliseconds, during which every other operation waits. Counting
 * them is cheap, so a query matching more than RANK_LIMIT passages ranks an even sample of about
 * RANK_LIMIT of them, spread over the whole library (so neither old documents nor one new book
 * crowd out the rest). Rarer queries, most of them, are ranked in full.
 */
const CANDIDATES = 50;
const WIDER_CANDIDATES = 1_000;
export const RANK_LIMIT = 5_000;

interface BestPassage {
  documentId: number;
  passageId: number;
  /** For a document holding the words sought in different passages: the term its passage was chosen for. */
  anchor?: PositiveTerm;
}

function searchDocuments(library: Library, query: TranslatedQuery, options: SearchOptions, limit: number) {
  // Passages are ranked on the words sought; words excluded rule out a whole document, wherever they are in it.
  const detail = prepare<[number], { title: string; start: number; text: string }>(
    library.db,
    'SELECT d.title, p.start, p.text FROM document_passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?',
  );
  const byDetails = documentsByDetails(library, query, options, limit);
  const listed = new Set(byDetails.map((result) => result.id));
  const together = bestPassages(library, query.positive!, query.negative, options, limit).filter((best) => !listed.has(best.documentId));
  const found = byDetails.length + together.length;
  const apart = found < limit ? wordsApart(library, query, options, limit - found, together).filter((best) => !listed.has(best.documentId)) : [];
  const byText = [...together, ...apart].map(({ documentId, passageId, anchor }) => {
    const row = detail.get(passageId)!;
    const { snippet, first } = passageSnippet(row.text, query, undefined, anchor);
    return { id: documentId, title: row.title, snippet, match: first && { start: row.start + first.start, end: row.start + first.end } };
  });
  const results = [...byDetails, ...byText].slice(0, limit);
  const places = placesOf(library, results.map((result) => ({ documentId: result.id, offset: result.match?.start ?? null })));
  return results.map((result, nth) => ({ ...result, place: places[nth]! }));
}

/**
 * Documents whose authors, publisher, citation line, tags or collections hold the words sought
 * (see migration 70). They come first: a tag or an author is the person's own filing, and rarer
 * than a word of the text. The snippet is the detail that matched; there is no place in the text to open at.
 */
function documentsByDetails(library: Library, query: TranslatedQuery, options: SearchOptions, limit: number) {
  const rows = prepare<[Record<string, unknown>], { id: number; title: string; snip: string }>(
    library.db,
    `SELECT d.id, d.title, ${SNIPPET('document_details_fts', -1, 10)} AS snip
     FROM document_details_fts JOIN documents d ON d.id = document_details_fts.rowid
     WHERE document_details_fts MATCH @match
       AND (@documentId IS NULL OR d.id = @documentId)
       AND (@actorId IS NULL OR d.id IN (SELECT h.document_id FROM highlights h JOIN highlight_actors ha ON ha.highlight_id = h.id
                                         WHERE ha.actor_id = @actorId AND h.deleted_at IS NULL))
       AND (@themeId IS NULL OR d.id IN (${CODED_DOCUMENTS}))
     ORDER BY bm25(document_details_fts, 4.0, 2.0, 4.0, 3.0) LIMIT @limit`,
  ).all(params(query.match!, options, limit));
  return rows.map(({ id, title, snip }) => ({ id, title, snippet: toSnippet(snip), match: null }));
}

/**
 * Documents that hold every word sought, but not in one passage (a name on page 3, a place on
 * page 200), ranked after those that hold them together. They are looked for from the rarest
 * term's passages, ranked as any passage is; each new document among them is checked for the
 * other terms within its own passages, whose ids are one run (they are written together), so
 * FTS5 reads only that range of each word's list. At most CHECKED_LIMIT documents are checked.
 */
const CHECKED_LIMIT = 100;

function wordsApart(library: Library, query: TranslatedQuery, options: SearchOptions, wanted: number, found: BestPassage[]): BestPassage[] {
  const distinct = [...new Map(query.positiveTerms.map((term) => [term.match, term])).values()];
  if (distinct.length < 2) return [];
  // Only the rarest term's count matters, and only up to where ranking samples.
  const [rarest, ...others] = distinct
    .map((term) => ({ term, count: countPassages(library, term.match, RANK_LIMIT) }))
    .sort((a, b) => a.count - b.count);
  if (rarest!.count === 0) return [];
  const range = prepare<[number], { lo: number; hi: number }>(
    library.db,
    'SELECT min(id) AS lo, max(id) AS hi FROM document_passages WHERE document_id = ?',
  );
  const holds = termInDocument(library);
  const seen = new Set(found.map((best) => best.documentId));
  const verdicts = new Map<number, boolean>();
  const holdsEveryTerm = (documentId: number): boolean => {
    if (seen.has(documentId)) return false;
    let verdict = verdicts.get(documentId);
    if (verdict === undefined) {
      if (verdicts.size >= CHECKED_LIMIT) return false;
      const passages = { documentId, ...range.get(documentId)! };
      verdict = others.every(({ term }) => holds(term, passages));
      verdicts.set(documentId, verdict);
    }
    return verdict;
  };
  const count = rarest!.count < RANK_LIMIT ? rarest!.count : undefined;
  return bestPassages(library, rarest!.term.match, query.negative, options, wanted, holdsEveryTerm, count).map((best) => ({
    ...best,
    anchor: rarest!.term,
  }));
}

/**
 * The best passage of each of the best `limit` documents for `match`, among those `accepts`
 * lets through (asked once per document, in rank order).
 */
function bestPassages(
  library: Library,
  match: string,
  negative: string | null,
  options: SearchOptions,
  limit: number,
  accepts: (documentId: number) => boolean = () => true,
  count?: number,
): BestPassage[] {
  // Unfiltered, the ranking pass reads the index alone; a filter needs each match's document.
  const filters: string[] = [];
  if (options.documentId !== undefined) {
    // A document's passages are written together, so their ids are one run: FTS5 reads that range only.
    filters.push(`fp.document_id = @documentId
      AND documents_fts.rowid BETWEEN (SELECT min(id) FROM document_passages WHERE document_id = @documentId)
                                  AND (SELECT max(id) FROM document_passages WHERE document_id = @documentId)`);
  }
  if (options.actorId !== undefined) {
    filters.push(`fp.document_id IN (SELECT h.document_id FROM highlights h JOIN highlight_actors ha ON ha.highlight_id = h.id
                                     WHERE ha.actor_id = @actorId AND h.deleted_at IS NULL)`);
  }
  if (options.themeId !== undefined) filters.push(`fp.document_id IN (${CODED_DOCUMENTS})`);
  if (negative !== null) {
    filters.push(`fp.document_id NOT IN (SELECT np.document_id FROM documents_fts nf JOIN document_passages np ON np.id = nf.rowid
                                         WHERE nf.documents_fts MATCH @negative)`);
  }
  const ranked = prepare<[Record<string, unknown>], BestPassage>(
    library.db,
    `SELECT c.id AS passageId, p.document_id AS documentId FROM (
       SELECT documents_fts.rowid AS id, bm25(documents_fts, 8.0, 1.0) AS score FROM documents_fts
       ${filters.length > 0 ? 'JOIN document_passages fp ON fp.id = documents_fts.rowid' : ''}
       WHERE documents_fts MATCH @match AND documents_fts.rowid % @stride = 0 ${filters.map((filter) => `AND ${filter}`).join(' ')}
       ORDER BY score LIMIT @candidates
     ) c JOIN document_passages p ON p.id = c.id
     ORDER BY c.score`,
  );
  // Within one document (at most a book's passages) everything is ranked.
  const stride = options.documentId !== undefined ? 1 : Math.ceil((count ?? countPassages(library, match)) / RANK_LIMIT) || 1;
  const bestOf = (candidates: number) => {
    const rows = ranked.all({ ...params(match, options, limit), candidates, negative, stride });
    const best = new Map<number, BestPassage>();
    for (const row of rows) {
      if (!best.has(row.documentId) && accepts(row.documentId)) best.set(row.documentId, row);
      if (best.size === limit) break;
    }
    return { best: [...best.values()], crowded: best.size < limit && rows.length === candidates };
  };
  const first = bestOf(Math.max(CANDIDATES, limit * 5));
  return first.crowded ? bestOf(WIDER_CANDIDATES).best : first.best;
}

/** How many passages match, counting no further than `upTo` when given. */
function countPassages(library: Library, match: string, upTo = -1): number {
  return prepare<[string, number], { n: number }>(
    library.db,
    'SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)',
  ).get(match, upTo)!.n;
}

interface HighlightRow {
  document_id: number;
  title: string;
  colour: HighlightColour;
  quote_exact: string;
  comment: string;
  position_start: number;
  anchor_status: 'exact' | 'approximate' | 'orphaned';
}

function searchHighlights(library: Library, query: TranslatedQuery, options: SearchOptions, limit: number) {
  const byText = prepare<[Record<string, unknown>], { id: number }>(library.db, rankHighlightsSql(options)).all(params(query.match!, options, limit));
  const listed = new Set(byText.map(({ id }) => id));
  const byTheme =
    byText.length < limit
      ? prepare<[Record<string, unknown>], { id: number }>(library.db, highlightsByThemeSql(options))
          .all(params(query.match!, options, limit))
          .filter(({ id }) => !listed.has(id))
      : [];
  const ranked = [...byText, ...byTheme].slice(0, limit);
  const detail = prepare<[number], HighlightRow>(
    library.db,
    `SELECT h.document_id, d.title, h.colour, h.quote_exact, h.comment, h.position_start, h.anchor_status
     FROM highlights h JOIN documents d ON d.id = h.document_id WHERE h.id = ?`,
  );
  const rows = ranked.map(({ id }) => ({ id, ...detail.get(id)! }));
  // An orphan's offsets name a text that is gone: no page to cite.
  const places = placesOf(
    library,
    rows.map((row) => ({ documentId: row.document_id, offset: row.anchor_status === 'orphaned' ? null : row.position_start })),
  );
  return rows.map((row, nth) => ({
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.title,
    colour: row.colour,
    snippet: highlightSnippet(row, query),
    place: places[nth]!,
  }));
}

/**
 * Unfiltered, the index is ranked on its own and deleted highlights dropped after (with 50 spare
 * places for them): reading every matching highlight's row first cost more than the ranking.
 * Within one document, its own highlights are looked up, not every match in the library.
 */
function rankHighlightsSql(options: SearchOptions): string {
  if (options.documentId === undefined && options.colour === undefined && options.actorId === undefined && options.themeId === undefined) {
    return `SELECT c.id FROM (
              SELECT highlights_fts.rowid AS id, bm25(highlights_fts) AS score FROM highlights_fts
              WHERE highlights_fts MATCH @match ORDER BY score LIMIT @limit + 50
            ) c JOIN highlights h ON h.id = c.id WHERE h.deleted_at IS NULL ORDER BY c.score LIMIT @limit`;
  }
  const filters = [
    options.documentId !== undefined && 'h.document_id = @documentId',
    options.colour !== undefined && 'h.colour = @colour',
    options.actorId !== undefined && 'EXISTS (SELECT 1 FROM highlight_actors ha WHERE ha.highlight_id = h.id AND ha.actor_id = @actorId)',
    options.themeId !== undefined && CODED_HIGHLIGHT,
  ].filter((filter) => filter !== false);
  return `SELECT h.id FROM ${options.documentId !== undefined ? 'highlights h CROSS JOIN highlights_fts' : 'highlights_fts JOIN highlights h'}
            ON h.id = highlights_fts.rowid
          WHERE highlights_fts MATCH @match AND h.deleted_at IS NULL AND ${filters.join(' AND ')}
          ORDER BY bm25(highlights_fts) LIMIT @limit`;
}

/**
 * Highlights coded with a theme whose name holds the words sought (migration 90), after those whose
 * own words hold them: the passage is where the person put the theme, so its quote is the snippet.
 */
function highlightsByThemeSql(options: SearchOptions): string {
  const filters = [
    options.documentId !== undefined && 'h.document_id = @documentId',
    options.colour !== undefined && 'h.colour = @colour',
    options.actorId !== undefined && 'EXISTS (SELECT 1 FROM highlight_actors ha WHERE ha.highlight_id = h.id AND ha.actor_id = @actorId)',
    options.themeId !== undefined && CODED_HIGHLIGHT,
  ].filter((filter) => filter !== false);
  return `SELECT h.id FROM highlight_themes_fts JOIN highlights h ON h.id = highlight_themes_fts.rowid
          WHERE highlight_themes_fts MATCH @match AND h.deleted_at IS NULL ${filters.map((filter) => `AND ${filter}`).join(' ')}
          ORDER BY bm25(highlight_themes_fts), h.id LIMIT @limit`;
}

/** The quote's snippet, or the comment's when that is where more of the words sought are (as FTS5's snippet() chooses). */
function highlightSnippet(row: { quote_exact: string; comment: string }, query: TranslatedQuery): Snippet {
  const marks = (snippet: Snippet) => snippet.filter((piece) => piece.mark).length;
  const quote = passageSnippet(row.quote_exact, query, 14).snippet;
  const comment = passageSnippet(row.comment, query, 14).snippet;
  return marks(comment) > marks(quote) ? comment : quote;
}

function searchNotes(library: Library, match: string, options: SearchOptions, limit: number) {
  const ranked = prepare<[Record<string, unknown>], { id: number }>(
    library.db,
    `SELECT n.id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
     WHERE notes_fts MATCH @match AND n.deleted_at IS NULL
       AND (@actorId IS NULL OR EXISTS (SELECT 1 FROM links l WHERE l.from_note_id = n.id AND l.target_kind = 'actor' AND l.target_id = @actorId))
       AND (@themeId IS NULL OR EXISTS (SELECT 1 FROM links l JOIN highlight_themes ht ON ht.highlight_id = l.target_id
                                        WHERE l.from_note_id = n.id AND l.target_kind = 'highlight' AND ht.theme_id = @themeId))
     ORDER BY bm25(notes_fts, 5.0, 1.0) LIMIT @limit`,
  ).all(params(match, options, limit));
  const detail = prepare<[string, number], { title: string; snip: string }>(
    library.db,
    `SELECT n.title, ${SNIPPET('notes_fts', -1)} AS snip FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
     WHERE notes_fts MATCH ? AND notes_fts.rowid = CAST(? AS INTEGER)`,
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

function searchThemes(library: Library, match: string, limit: number) {
  const rows = prepare<[Record<string, unknown>], { id: number; name: string; colour: string; snip: string }>(
    library.db,
    `SELECT t.id, t.name, t.colour, ${SNIPPET('themes_fts', -1)} AS snip
     FROM themes_fts JOIN themes t ON t.id = themes_fts.rowid
     WHERE themes_fts MATCH @match ORDER BY bm25(themes_fts, 5.0, 1.0) LIMIT @limit`,
  ).all({ match, limit });
  return rows.map(({ snip, ...theme }) => ({ ...theme, snippet: toSnippet(snip) }));
}

/**
 * An analysis is found by its best matching piece (migration 130): its name, its question, a
 * hypothesis or a typed evidence item, ranked by bm25 with the name weighing more; the snippet is
 * that piece's own. Words excluded rule out the whole analysis, wherever they are in it, as for documents.
 */
function searchAnalyses(library: Library, query: TranslatedQuery, options: SearchOptions, limit: number): AnalysisSearchResult[] {
  const best = prepare<[Record<string, unknown>], { analysisId: number; rowId: number }>(
    library.db,
    // Materialized: bm25() is only allowed in the query over the index, not in the window that picks each analysis's best.
    `WITH matched AS MATERIALIZED (
       SELECT f.rowid AS rowId, f.analysis_id AS analysisId, bm25(analyses_fts, 5.0, 1.0) AS score
       FROM analyses_fts f
       WHERE analyses_fts MATCH @match
         AND (@negative IS NULL OR f.analysis_id NOT IN (SELECT analysis_id FROM analyses_fts WHERE analyses_fts MATCH @negative))
         AND (@actorId IS NULL OR f.analysis_id IN (SELECT e.analysis_id FROM analysis_evidence e
                                                    JOIN highlight_actors ha ON ha.highlight_id = e.highlight_id WHERE ha.actor_id = @actorId))
         AND (@themeId IS NULL OR f.analysis_id IN (SELECT e.analysis_id FROM analysis_evidence e
                                                    JOIN highlight_themes ht ON ht.highlight_id = e.highlight_id WHERE ht.theme_id = @themeId))
     )
     SELECT analysisId, rowId FROM (
       SELECT analysisId, rowId, score, row_number() OVER (PARTITION BY analysisId ORDER BY score, rowId) AS nth FROM matched
     ) WHERE nth = 1 ORDER BY score, analysisId LIMIT @limit`,
  ).all({ ...params(query.positive!, options, limit), negative: query.negative });
  const detail = prepare<[number, number], { name: string; field: AnalysisTextField; text: string; label: number | null }>(
    library.db,
    `SELECT a.name, f.field, CASE f.field WHEN 'name' THEN f.name ELSE f.text END AS text,
       CASE f.field
         WHEN 'hypothesis' THEN (SELECT count(*) FROM analysis_hypotheses o, analysis_hypotheses h WHERE h.id = f.rowid / 4
                                   AND o.analysis_id = h.analysis_id AND (o.position < h.position OR (o.position = h.position AND o.id <= h.id)))
         WHEN 'evidence' THEN (SELECT count(*) FROM analysis_evidence o, analysis_evidence e WHERE e.id = f.rowid / 4
                                 AND o.analysis_id = e.analysis_id AND (o.position < e.position OR (o.position = e.position AND o.id <= e.id)))
       END AS label
     FROM analyses_fts f JOIN analyses a ON a.id = f.analysis_id WHERE f.rowid = ? AND a.id = ?`,
  );
  return best.map(({ analysisId, rowId }) => {
    const row = detail.get(rowId, analysisId)!;
    const label = row.label === null ? null : `${row.field === 'hypothesis' ? 'H' : 'E'}${row.label}`;
    return { id: analysisId, name: row.name, field: row.field, label, snippet: passageSnippet(row.text, query).snippet };
  });
}

/** The named values every search query draws from; better-sqlite3 ignores those a query doesn't name. */
function params(match: string, options: SearchOptions, limit: number): Record<string, unknown> {
  return {
    match,
    limit,
    documentId: options.documentId ?? null,
    actorId: options.actorId ?? null,
    themeId: options.themeId ?? null,
    colour: options.colour ?? null,
  };
}

/** The index's parts, rebuilt one after another: between two, a rebuild can be stopped. */
const REBUILD_STAGES: ReadonlyArray<{ what: string; sql: string }> = [
  {
    what: 'document passages',
    sql: `DELETE FROM document_passages;
      INSERT INTO document_passages (document_id, start, "end", text)
        SELECT t.document_id, t.start + s.start, t.start + s."end", s.text FROM document_text t, fieldbook_passages(t.text) s;`,
  },
  { what: 'documents', sql: `INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');` },
  {
    what: 'document details',
    sql: `DELETE FROM document_details_fts;
      INSERT INTO document_details_fts (rowid, authors, publication, tags, collections)
        SELECT id, authors, publication, tags, collections FROM document_details_indexed;`,
  },
  { what: 'highlights', sql: `INSERT INTO highlights_fts(highlights_fts) VALUES ('rebuild');` },
  { what: 'notes', sql: `INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');` },
  {
    what: 'actors',
    sql: `DELETE FROM actors_fts;
      INSERT INTO actors_fts(rowid, name, aliases, description)
        SELECT a.id, a.name,
          coalesce((SELECT group_concat(alias, ' | ' ORDER BY position) FROM actor_aliases WHERE actor_id = a.id), ''),
          a.description
        FROM actors a;`,
  },
  {
    what: 'themes',
    sql: `DELETE FROM themes_fts;
      INSERT INTO themes_fts(rowid, name, description) SELECT id, name, description FROM themes;
      DELETE FROM highlight_themes_fts;
      INSERT INTO highlight_themes_fts(rowid, themes) SELECT id, themes FROM highlight_themes_indexed;`,
  },
  {
    what: 'analyses',
    sql: `DELETE FROM analyses_fts;
      INSERT INTO analyses_fts(rowid, name, text, analysis_id, field) SELECT id, name, text, analysis_id, field FROM analysis_texts_indexed;`,
  },
];

/**
 * For libraries whose index was lost or predates a tokenizer change: documents are cut into
 * passages afresh, so a change to how passages are cut reaches existing documents too. Runs inside
 * its caller's transaction (search.rebuild's): a cancel between two stages throws, and the
 * rollback leaves the index as it was.
 */
export function rebuildSearchIndex(library: Library, task?: Task): void {
  REBUILD_STAGES.forEach(({ what, sql }, index) => {
    stopIfCancelled(task, 'The search index was not rebuilt: it was cancelled, and is as it was.');
    library.db.exec(sql);
    task?.report({ done: index + 1, total: REBUILD_STAGES.length, message: `Rebuilt the index of ${what}` });
  });
}
