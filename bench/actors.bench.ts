import path from 'node:path';
import { MentionFinder } from '../main/core/actors/find-mentions';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark, type BenchRow } from './benchmark';
import { buildLargeLibrary } from './build-large-library';
import { call, upload } from './call';
import { generateActors, namesOf } from './generate-actors';
import { blocksToMarkdown, Prose } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';

const WORDS = 50_000;
const ACTORS = 500;
const ALIASES_PER_ACTOR = 3;
const MENTION_RUNS = 20;
const PAGE_DOCUMENTS = 1_000;
const PAGE_HIGHLIGHTS = 50_000;
const PAGE_NOTES = 1_000;
const TOP_RUNS = 20;
const RANDOM_ACTORS = 100;

export const actorsBenchmark: Benchmark = {
  name: 'actors',
  run({ workDir, log, built }) {
    const row = rowMaker('actors');
    return [...mentionFigures(row, workDir, log, built), ...pageFigures(row, workDir, log, built)];
  },
};

/** Mentions of 500 actors (1,500 aliases) in a 50,000-word document. */
function mentionFigures(row: ReturnType<typeof rowMaker>, workDir: string, log: (line: string) => void, built: (what: string, ms: number) => void): BenchRow[] {
  const library = openLibrary(path.join(workDir, 'mentions', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  try {
    const pick = new Picker(seededRandom(0xac7));
    const building = performance.now();
    const actors = generateActors(pick, ACTORS, ALIASES_PER_ACTOR);
    for (const actor of actors) call(library, 'actors.create', actor);
    const prose = new Prose(pick, { phrases: namesOf(actors), phraseRate: 0.35 });
    const { blocks, words } = prose.blocks(WORDS);
    const imported = call(library, 'documents.import', { files: [upload('dossier.md', blocksToMarkdown('Who is who in the borderlands', blocks))] })[0]!;
    if (imported.status !== 'imported') throw new Error(`the dossier was not imported: ${JSON.stringify(imported)}`);
    const documentId = imported.document.id;
    built(`${n(ACTORS)} actors with ${n(ACTORS * ALIASES_PER_ACTOR)} aliases (actors.create) and a ${n(words)}-word document (documents.import)`, performance.now() - building);

    const opMs: number[] = [];
    let mentions = 0;
    for (let run = 0; run < MENTION_RUNS; run++) {
      const { ms, result } = timed(() => call(library, 'actors.mentions', { documentId }));
      opMs.push(ms);
      mentions = result.length;
    }
    const { text } = call(library, 'documents.get', { id: documentId });
    const named = call(library, 'actors.list', {}).map((a) => ({ id: a.id, names: [a.name, ...a.aliases] }));
    const finderMs: number[] = [];
    for (let run = 0; run < MENTION_RUNS; run++) {
      const { ms, result } = timed(() => new MentionFinder(named).find(text));
      if (result.length !== mentions) throw new Error(`MentionFinder found ${result.length} mentions, actors.mentions ${mentions}`);
      finderMs.push(ms);
    }
    log(`  ${n(mentions)} mentions of ${n(ACTORS)} actors found in ${n(words)} words`);
    const runs = n(MENTION_RUNS);
    return [
      row(`actors.mentions, ${n(words)} words, p50 of ${runs}`, percentile(opMs, 50), 'ms', 50),
      row(`actors.mentions, ${n(words)} words, p95 of ${runs}`, percentile(opMs, 95), 'ms', 50),
      row(`MentionFinder build + find alone, p50 of ${runs}`, percentile(finderMs, 50), 'ms', 50),
      row(`MentionFinder build + find alone, p95 of ${runs}`, percentile(finderMs, 95), 'ms', 50),
      row('  mentions found', mentions, 'count'),
    ];
  } finally {
    library.close();
  }
}

/** An actor's page in a library of 1,000 documents and 50,000 tagged highlights. */
function pageFigures(row: ReturnType<typeof rowMaker>, workDir: string, log: (line: string) => void, built: (what: string, ms: number) => void): BenchRow[] {
  const library = openLibrary(path.join(workDir, 'pages', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  try {
    const large = buildLargeLibrary(library, {
      seed: 0xac8,
      documents: PAGE_DOCUMENTS,
      wordsPerDocument: 2_000,
      highlights: PAGE_HIGHLIGHTS,
      notes: PAGE_NOTES,
      actors: ACTORS,
      aliasesPerActor: ALIASES_PER_ACTOR,
      maxTagsPerHighlight: 2,
    });
    built(
      `${n(PAGE_DOCUMENTS)} documents (${n(large.words)} words), ${n(large.highlightCount)} highlights with ${n(large.tagCount)} tags, ` +
        `${n(PAGE_NOTES)} notes by direct SQL`,
      large.ms,
    );
    const pick = new Picker(seededRandom(0xac9));
    const top = large.actorIds[0]!;
    const topMs: number[] = [];
    let topPassages = 0;
    for (let run = 0; run < TOP_RUNS; run++) {
      const { ms, result } = timed(() => call(library, 'actors.page', { id: top }));
      topMs.push(ms);
      topPassages = result.passageCount;
    }
    const randomMs: number[] = [];
    let passages = 0;
    for (let run = 0; run < RANDOM_ACTORS; run++) {
      const { ms, result } = timed(() => call(library, 'actors.page', { id: pick.pick(large.actorIds) }));
      randomMs.push(ms);
      passages += result.passageCount;
    }
    log(`  most-tagged actor: ${n(topPassages)} passages; random actors averaged ${Math.round(passages / RANDOM_ACTORS)}`);
    return [
      row(`actors.page, most-tagged actor (${n(topPassages)} passages), p50 of ${TOP_RUNS}`, percentile(topMs, 50), 'ms', 50),
      row(`actors.page, most-tagged actor, p95 of ${TOP_RUNS}`, percentile(topMs, 95), 'ms', 50),
      row(`actors.page, ${RANDOM_ACTORS} random actors, p50`, percentile(randomMs, 50), 'ms', 50),
      row(`actors.page, ${RANDOM_ACTORS} random actors, p95`, percentile(randomMs, 95), 'ms', 50),
    ];
  } finally {
    library.close();
  }
}
