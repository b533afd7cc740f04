import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Library } from '../main/core/db/library';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { buildLargeLibrary } from './build-large-library';
import { call } from './call';
import { translateQuery } from '../main/core/search/translate-query';
import { inventWords } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { mean, percentile, timed } from './stats';
import { COMMON, DESCRIPTIVE, PLACES, SUBJECT } from './vocabulary';

const QUERIES = 200;
const RARE_WORDS = 40_000;
/** The full size the target is stated for; --quick builds a tenth of it. */
const FULL = { documents: 10_000, wordsPerDocument: 2_000, highlights: 100_000, notes: 5_000 };
/** Book-length documents on top: whole-document snippets made a common word take seconds with these. */
const BOOKS = { count: 3, words: 400_000 };
/** The raw operation the app is held against: the best 50 paragraphs, grouped to 10 documents. */
const BASELINE = { candidates: 50, documents: 10 };

type QueryKind = 'common' | 'rare' | 'mixed' | 'prefix';

export const searchBenchmark: Benchmark = {
  name: 'search',
  run({ workDir, quick, log, built }) {
    const row = rowMaker('search');
    const size = quick
      ? { documents: FULL.documents / 10, wordsPerDocument: FULL.wordsPerDocument, highlights: FULL.highlights / 10, notes: FULL.notes / 10 }
      : FULL;
    const file = path.join(workDir, 'library', 'library.sqlite');
    let library = openLibrary(file, { resourcesDir: packageResourcesDir() });
    const pick = new Picker(seededRandom(0x5ea2c4));
    const rareWords = inventWords(pick, RARE_WORDS);
    try {
      const large = buildLargeLibrary(library, {
        seed: 0x5ea2c5,
        ...size,
        actors: 200,
        aliasesPerActor: 2,
        maxTagsPerHighlight: 1,
        rareWords,
        rareRate: 0.04,
        batch: 500,
        books: BOOKS,
        log,
      });
      built(
        `${n(size.documents)} documents and ${BOOKS.count} of ${n(BOOKS.words)} words (${n(large.words)} words in all), ${n(large.highlightCount)} highlights, ${n(size.notes)} notes ` +
          `by direct SQL${quick ? ' (--quick: a tenth of the full size)' : ''}`,
        large.ms,
      );

      // Measured as the app finds the library on opening it: the build's WAL folded in, a fresh connection.
      library.db.pragma('wal_checkpoint(TRUNCATE)');
      library.close();
      library = openLibrary(file, { resourcesDir: packageResourcesDir() });
      const index = indexSize(library);
      const fileBytes = fs.statSync(file).size;

      const baselineStarted = performance.now();
      const baseline = buildBaseline(library, path.join(workDir, 'baseline.sqlite'));
      built(`the baseline: the same texts in a plain FTS5 table, ${n(baseline.rows)} paragraphs`, performance.now() - baselineStarted);

      const queries = makeQueries(pick, rareWords);
      const first = timed(() => call(library, 'search.query', { query: queries[0]!.query })).ms;
      const byKind = new Map<QueryKind, number[]>();
      const all: number[] = [];
      const documentsOnly: number[] = [];
      const raw: number[] = [];
      const cpu: number[] = [];
      const rawCpu: number[] = [];
      let results = 0;
      // Interleaved, query by query, so the app and the baseline see the same load on the machine.
      for (const { query, kind } of queries) {
        const before = process.cpuUsage();
        const { ms, result } = timed(() => call(library, 'search.query', { query }));
        cpu.push(cpuMs(before));
        all.push(ms);
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
        results += result.documents.length + result.highlights.length + result.notes.length + result.actors.length;
        documentsOnly.push(timed(() => call(library, 'search.query', { query, kinds: ['document'] })).ms);
        const rawBefore = process.cpuUsage();
        raw.push(timed(() => baseline.search(query)).ms);
        rawCpu.push(cpuMs(rawBefore));
      }
      baseline.close();
      for (const [kind, samples] of byKind) {
        log(`  ${kind} queries (${samples.length}): p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, slowest ${Math.max(...samples).toFixed(1)} ms`);
      }
      const slowest = queries.map((q, i) => ({ ...q, ms: all[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 5);
      log(`  slowest: ${slowest.map((q) => `"${q.query}" ${q.ms.toFixed(0)} ms`).join(', ')}`);
      log(`  ${(results / QUERIES).toFixed(1)} results per query on average; index tables: ${index.tables}`);

      const MB = 1024 * 1024;
      return [
        row(`search.query, p50 of ${QUERIES} queries`, percentile(all, 50), 'ms', 30),
        row(`search.query, p95 of ${QUERIES} queries`, percentile(all, 95), 'ms', 30),
        row(`search.query, mean of ${QUERIES}`, mean(all), 'ms'),
        row(`search.query, documents only, p95 of ${QUERIES}`, percentile(documentsOnly, 95), 'ms'),
        row(`baseline: paragraph-a-row FTS5, best ${BASELINE.candidates} to ${BASELINE.documents} documents, p95`, percentile(raw, 95), 'ms'),
        row('search.query p95 against the baseline p95', percentile(all, 95) / percentile(raw, 95), '×', 3),
        row('documents-only p95 against the baseline p95', percentile(documentsOnly, 95) / percentile(raw, 95), '×'),
        // On a shared machine the clock counts other processes' turns too; CPU time doesn't.
        row(`search.query, CPU time, p95 of ${QUERIES}`, percentile(cpu, 95), 'ms'),
        row(`baseline, CPU time, p95 of ${QUERIES}`, percentile(rawCpu, 95), 'ms'),
        row('search.query, first query after opening', first, 'ms'),
        row('text indexed (documents, highlights, notes, actors)', large.indexedTextBytes / MB, 'MB'),
        row('full-text index (FTS5 shadow tables, dbstat)', index.bytes / MB, 'MB'),
        row('index size against the text', (100 * index.bytes) / large.indexedTextBytes, '%'),
        row('passages table (document_passages and its index, dbstat)', index.passageBytes / MB, 'MB'),
        row('database file', fileBytes / MB, 'MB'),
      ];
    } finally {
      library.close();
    }
  },
};

/** This process's CPU time since `before`, in milliseconds (user and system). */
function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

interface Baseline {
  rows: number;
  search(query: string): Array<{ documentId: number; snippet: string }>;
  close(): void;
}

/**
 * The raw operation: the library's texts in a plain FTS5 table of its own, a paragraph (a block
 * between blank lines) a row with its document's title, ranked with the same weights, the best
 * paragraphs grouped to documents, and a snippet made for each document's best one.
 */
function buildBaseline(library: Library, file: string): Baseline {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE VIRTUAL TABLE paragraphs USING fts5(
    title, text, document_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
  const insert = db.prepare('INSERT INTO paragraphs (title, text, document_id) VALUES (?, ?, ?)');
  let rows = 0;
  const documents = library.db.prepare('SELECT d.id, d.title, b.text FROM documents d JOIN document_bodies b ON b.document_id = d.id').iterate() as IterableIterator<{ id: number; title: string; text: string }>;
  db.transaction(() => {
    for (const doc of documents) {
      for (const paragraph of doc.text.split(/\n\s*\n/)) {
        if (paragraph.trim() === '') continue;
        insert.run(doc.title, paragraph, doc.id);
        rows++;
      }
    }
  })();
  const ranked = db.prepare(
    `SELECT rowid AS id, document_id AS documentId FROM paragraphs WHERE paragraphs MATCH ?
     ORDER BY bm25(paragraphs, 8.0, 1.0) LIMIT ${BASELINE.candidates}`,
  );
  const snippet = db.prepare(
    `SELECT snippet(paragraphs, 1, '[', ']', '…', 20) AS snip FROM paragraphs WHERE paragraphs MATCH ? AND rowid = CAST(? AS INTEGER)`,
  );
  return {
    rows,
    search(query) {
      const { match } = translateQuery(query);
      if (!match) return [];
      const best = new Map<number, number>();
      for (const row of ranked.all(match) as Array<{ id: number; documentId: number }>) {
        if (!best.has(row.documentId) && best.size < BASELINE.documents) best.set(row.documentId, row.id);
      }
      return [...best].map(([documentId, id]) => ({ documentId, snippet: (snippet.get(match, id) as { snip: string }).snip }));
    },
    close: () => db.close(),
  };
}

/** The pages of every FTS5 shadow table (data, idx, docsize, config, content). */
function indexSize(library: Library): { bytes: number; passageBytes: number; tables: string } {
  const rows = library.db
    .prepare("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE AND name GLOB '*_fts_*' ORDER BY pgsize DESC")
    .all() as Array<{ name: string; pgsize: number }>;
  const passages = library.db
    .prepare("SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE aggregate = TRUE AND name GLOB 'document_passages*'")
    .get() as { bytes: number };
  return {
    passageBytes: passages.bytes,
    bytes: rows.reduce((sum, r) => sum + r.pgsize, 0),
    tables: rows
      .filter((r) => r.pgsize >= 1024 * 1024)
      .map((r) => `${r.name} ${(r.pgsize / 1024 / 1024).toFixed(0)} MB`)
      .join(', '),
  };
}

/**
 * One to three words, as people type them: subject words found in most documents, rare words
 * found in a handful, a mix of both, and half-typed words. The last word of a query is matched
 * as a prefix (the app searches as you type) unless the query ends with a space, as about a
 * third of these do: the search after a finished word.
 */
function makeQueries(pick: Picker, rareWords: readonly string[]): Array<{ query: string; kind: QueryKind }> {
  const common = () => pick.pick(pick.chance(0.8) ? SUBJECT : pick.chance(0.5) ? DESCRIPTIVE : COMMON);
  const rare = () => rareWords[pick.int(Math.floor(rareWords.length * 0.5), rareWords.length - 1)]!;
  const someWord = () => (pick.chance(0.5) ? common() : pick.chance(0.5) ? rare() : pick.pick(PLACES));
  const queries: Array<{ query: string; kind: QueryKind }> = [];
  while (queries.length < QUERIES) {
    const roll = pick.random();
    const words = pick.int(1, 3);
    let kind: QueryKind;
    let parts: string[];
    if (roll < 0.3) {
      kind = 'common';
      parts = Array.from({ length: words }, common);
    } else if (roll < 0.5) {
      kind = 'rare';
      parts = Array.from({ length: words }, () => (pick.chance(0.7) ? rare() : common()));
      parts[0] = rare();
    } else if (roll < 0.75) {
      kind = 'mixed';
      parts = Array.from({ length: words }, someWord);
    } else {
      kind = 'prefix';
      parts = Array.from({ length: words }, someWord);
      const last = parts[words - 1]!;
      parts[words - 1] = last.slice(0, Math.min(last.length, pick.int(2, 4)));
      queries.push({ query: parts.join(' '), kind });
      continue;
    }
    queries.push({ query: `${parts.join(' ')}${pick.chance(0.35) ? ' ' : ''}`, kind });
  }
  return queries;
}
