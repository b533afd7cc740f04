import fs from 'node:fs';
import path from 'node:path';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { importThroughCli, type CliImport } from './cli-import';
import { generateBlogPage } from './generate-blog-page';
import { Picker, seededRandom } from './seeded-random';
import { percentile } from './stats';

/*
 * A book-length saved page (7 MB) imported through the command line, as a user would, in a
 * process of its own so that its peak memory is its own: that peak, beyond the peak of the same
 * command importing the bundled article, is what the large page costs. A process's peak moves by
 * several megabytes from run to run (when the garbage collector runs), so each figure is the
 * median of a few runs, their spread printed beside it. Pages half and twice the size show whether
 * the cost grows with the page (it should not, much: the page is streamed into the library).
 */
const TARGET_MB = 7;
const TARGET_SECONDS = 5;
/** Peak memory beyond the small import's, as a multiple of the file's size. */
const TARGET_MEMORY_FACTOR = 4;
const RUNS = 3;
const OTHER_SIZES_MB = [3.5, 14];

/** A generated blog page of about `megabytes`, and how many paragraphs its article has. */
function largePage(megabytes: number): { html: string; paragraphs: number } {
  // About 7.2 bytes of page per word of article, chrome included; the page is generated once.
  const page = generateBlogPage(1, new Picker(seededRandom(0x7e7)), Math.round((megabytes * 1024 * 1024) / 7.24));
  return { html: page.html, paragraphs: (page.html.match(/<p>/g) ?? []).length };
}

const median = (values: readonly number[]) => percentile(values, 50);
const spread = (values: readonly number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

export const importBenchmark: Benchmark = {
  name: 'import',
  run({ workDir, log, built }) {
    const row = rowMaker('import');
    const pages = [TARGET_MB, ...OTHER_SIZES_MB].map((megabytes) => {
      const started = performance.now();
      const { html, paragraphs } = largePage(megabytes);
      const file = path.join(workDir, `page-${megabytes}-mb.html`);
      fs.writeFileSync(file, html);
      const sizeMb = fs.statSync(file).size / (1024 * 1024);
      built(`a ${sizeMb.toFixed(1)} MB page with ${n(paragraphs)} paragraphs`, performance.now() - started);
      return { file, sizeMb, paragraphs };
    });

    // Every run starts from a library that already exists (with the bundled article, as every new
    // library has it), so none pays for creating one; each large import gets a library of its own.
    const small = path.join(packageResourcesDir(), 'aqim-state-sanctuary.html');
    const freshLibrary = (name: string) => {
      const library = path.join(workDir, name);
      importThroughCli(library, small);
      return library;
    };
    const baselineLibrary = freshLibrary('baseline');
    const baselines = Array.from({ length: RUNS }, () => importThroughCli(baselineLibrary, small));
    const baselinePeak = median(baselines.map((run) => run.maxRssMb));
    log(`  the bundled article again (a duplicate, so only reading it): peak ${baselinePeak.toFixed(0)} MB (${spread(baselines.map((run) => run.maxRssMb))})`);

    const imports = pages.map((page) => {
      const runs: CliImport[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = importThroughCli(freshLibrary(`large-${page.sizeMb.toFixed(1)}-${i}`), page.file);
        if (!/imported page-/.test(run.stdout)) throw new Error(`the ${page.sizeMb.toFixed(1)} MB page was not imported: ${run.stdout}`);
        runs.push(run);
      }
      const beyond = runs.map((run) => run.maxRssMb - baselinePeak);
      log(`  the ${page.sizeMb.toFixed(1)} MB page: ${(median(runs.map((r) => r.ms)) / 1000).toFixed(1)} s, peak ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} MB, beyond the article's ${spread(beyond)} MB over ${RUNS} runs`);
      return { ...page, runs, beyond: median(beyond) };
    });
    const [large, ...others] = imports;
    return [
      row(`${large!.sizeMb.toFixed(1)} MB saved page (${n(large!.paragraphs)} paragraphs) through the CLI, median of ${RUNS}`, median(large!.runs.map((r) => r.ms)) / 1000, 's', TARGET_SECONDS),
      row('the same, CPU time', median(large!.runs.map((r) => r.cpuMs)) / 1000, 's'),
      row('the bundled article through the CLI (start-up and reading)', median(baselines.map((r) => r.ms)) / 1000, 's'),
      row(`peak memory beyond the bundled article's (target ${TARGET_MEMORY_FACTOR}× the file)`, large!.beyond, 'MB', Math.round(TARGET_MEMORY_FACTOR * large!.sizeMb)),
      row('peak memory of the large import', median(large!.runs.map((r) => r.maxRssMb)), 'MB'),
      ...others.map((page) => row(`  a ${page.sizeMb.toFixed(1)} MB page: its peak beyond the article's`, page.beyond, 'MB')),
    ];
  },
};
