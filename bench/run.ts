import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Benchmark, BenchRow } from './benchmark';
import { libraryBenchmark } from './library.bench';
import { passes, printTable } from './print-table';

/** Every benchmark `npm run bench` knows; later ones (highlight anchoring, search) join this list. */
const BENCHMARKS: readonly Benchmark[] = [libraryBenchmark];

const USAGE = `Usage: npm run bench -- [--articles N] [NAME...]
  NAME        run only these benchmarks (${BENCHMARKS.map((b) => b.name).join(', ')})
  --articles  corpus size (default 1000; the targets are stated for 1000)
Exits 1 when any figure misses its target.`;

interface RunOptions {
  articles: number;
  names: string[];
}

function parse(argv: readonly string[]): RunOptions {
  const options: RunOptions = { articles: 1000, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--articles') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error('--articles needs a positive whole number');
      options.articles = value;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (BENCHMARKS.some((b) => b.name === arg)) {
      options.names.push(arg);
    } else {
      throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const selected = options.names.length > 0 ? BENCHMARKS.filter((b) => options.names.includes(b.name)) : BENCHMARKS;
  const rows: BenchRow[] = [];
  for (const benchmark of selected) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `fieldbook-bench-${benchmark.name}-`));
    const started = performance.now();
    console.log(`${benchmark.name}: running (${options.articles} articles)…`);
    try {
      rows.push(...(await benchmark.run({ articles: options.articles, workDir, log: (line) => console.log(line) })));
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    console.log(`${benchmark.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\nNode ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`.trimEnd());
  console.log(printTable(rows));
  const failed = rows.filter((row) => passes(row) === false);
  if (failed.length > 0) console.log(`${failed.length} figure(s) missed their target.`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
