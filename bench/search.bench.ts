import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../main/core/db/library';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { buildLargeLibrary } from './build-large-library';
import { call } from './call';
import { inventWords } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { mean, percentile, timed } from './stats';
import { COMMON, DESCRIPTIVE, PLACES, SUBJECT } from './vocabulary';

const QUERIES = 200;
const RARE_WORDS = 40_000;
/** The full size the target is stated for; --quick builds a tenth of it. */
const FULL = { documents: 10_000, wordsPerDocument: 2_000, highlights: 100_000, notes: 5_000 };

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
        log,
      });
      built(
        `${n(size.documents)} documents (${n(large.words)} words), ${n(large.highlightCount)} highlights, ${n(size.notes)} notes ` +
          `by direct SQL${quick ? ' (--quick: a tenth of the full size)' : ''}`,
        large.ms,
      );

      // Measured as the app finds the library on opening it: the build's WAL folded in, a fresh connection.
      library.db.pragma('wal_checkpoint(TRUNCATE)');
      library.close();
      library = openLibrary(file, { resourcesDir: packageResourcesDir() });
      const index = indexSize(library);
      const fileBytes = fs.statSync(file).size;

      const queries = makeQueries(pick, rareWords);
      const first = timed(() => call(library, 'search.query', { query: queries[0]!.query })).ms;
      const byKind = new Map<QueryKind, number[]>();
      const all: number[] = [];
      let results = 0;
      for (const { query, kind } of queries) {
        const { ms, result } = timed(() => call(library, 'search.query', { query }));
        all.push(ms);
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
        results += result.documents.length + result.highlights.length + result.notes.length + result.actors.length;
      }
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
        row('search.query, first query after opening', first, 'ms'),
        row('text indexed (documents, highlights, notes, actors)', large.indexedTextBytes / MB, 'MB'),
        row('full-text index (FTS5 shadow tables, dbstat)', index.bytes / MB, 'MB'),
        row('index size against the text', (100 * index.bytes) / large.indexedTextBytes, '%'),
        row('database file', fileBytes / MB, 'MB'),
      ];
    } finally {
      library.close();
    }
  },
};

/** The pages of every FTS5 shadow table (data, idx, docsize, config, content). */
function indexSize(library: Library): { bytes: number; tables: string } {
  const rows = library.db
    .prepare("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE AND name GLOB '*_fts_*' ORDER BY pgsize DESC")
    .all() as Array<{ name: string; pgsize: number }>;
  return {
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
