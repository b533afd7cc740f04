import fs from 'node:fs';
import path from 'node:path';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { importThroughCli } from './cli-import';
import { generateBlogPage } from './generate-blog-page';
import { Picker, seededRandom } from './seeded-random';

/*
 * A book-length saved page (7 MB) imported through the command line, as a user would, in a
 * process of its own so that its peak memory is its own: that peak, beyond the peak of the same
 * command importing the bundled article, is what the large page costs.
 */
const TARGET_MB = 7;
const TARGET_SECONDS = 5;
/** Peak memory beyond the small import's, as a multiple of the file's size. */
const TARGET_MEMORY_FACTOR = 4;

/** A generated blog page of about `megabytes`, and how many paragraphs its article has. */
function largePage(megabytes: number): { html: string; paragraphs: number } {
  // About 7.2 bytes of page per word of article, chrome included; the page is generated once.
  const page = generateBlogPage(1, new Picker(seededRandom(0x7e7)), Math.round((megabytes * 1024 * 1024) / 7.24));
  return { html: page.html, paragraphs: (page.html.match(/<p>/g) ?? []).length };
}

export const importBenchmark: Benchmark = {
  name: 'import',
  run({ workDir, log, built }) {
    const row = rowMaker('import');
    const started = performance.now();
    const { html, paragraphs } = largePage(TARGET_MB);
    const file = path.join(workDir, 'book-length-page.html');
    fs.writeFileSync(file, html);
    const sizeMb = fs.statSync(file).size / (1024 * 1024);
    built(`a ${sizeMb.toFixed(1)} MB page with ${n(paragraphs)} paragraphs`, performance.now() - started);

    // Both runs start from a library that already exists (with the bundled article, as every new
    // library has it), so neither pays for creating one.
    const small = path.join(packageResourcesDir(), 'aqim-state-sanctuary.html');
    const libraries = ['baseline', 'large'].map((name) => path.join(workDir, name));
    for (const library of libraries) importThroughCli(library, small);
    const baseline = importThroughCli(libraries[0]!, small);
    log(`  the bundled article again (a duplicate, so only reading it): ${(baseline.ms / 1000).toFixed(1)} s, peak ${baseline.maxRssMb.toFixed(0)} MB`);
    const large = importThroughCli(libraries[1]!, file);
    if (!/imported book-length-page\.html/.test(large.stdout)) throw new Error(`the large page was not imported: ${large.stdout}`);
    log(`  the ${sizeMb.toFixed(1)} MB page: ${(large.ms / 1000).toFixed(1)} s (${(large.cpuMs / 1000).toFixed(1)} s of CPU), peak ${large.maxRssMb.toFixed(0)} MB`);
    return [
      row(`${sizeMb.toFixed(1)} MB saved page (${n(paragraphs)} paragraphs) through the CLI`, large.ms / 1000, 's', TARGET_SECONDS),
      row('the same, CPU time', large.cpuMs / 1000, 's'),
      row('the bundled article through the CLI (start-up and reading)', baseline.ms / 1000, 's'),
      row(`peak memory beyond the bundled article's (target ${TARGET_MEMORY_FACTOR}× the file)`, large.maxRssMb - baseline.maxRssMb, 'MB', Math.round(TARGET_MEMORY_FACTOR * sizeMb)),
      row('peak memory of the large import', large.maxRssMb, 'MB'),
    ];
  },
};
