import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { achBenchmark } from './ach.bench';
import { actorsBenchmark } from './actors.bench';
import type { Benchmark, BenchRow } from './benchmark';
import { exportBenchmark } from './export.bench';
import { highlightsBenchmark } from './highlights.bench';
import { importBenchmark } from './import.bench';
import { libraryBenchmark } from './library.bench';
import { libraryViewBenchmark } from './library-view.bench';
import { networkBenchmark } from './network.bench';
import { networkViewBenchmark } from './network-view.bench';
import { liveCoreBenchmark } from './live-core.bench';
import { notesBenchmark } from './notes.bench';
import { passes, printTable } from './print-table';
import { pdfBenchmark } from './pdf.bench';
import { noteTypingBenchmark } from './note-typing.bench';
import { readerPaintBenchmark } from './reader-paint.bench';
import { searchBenchmark } from './search.bench';
import { timelineBenchmark } from './timeline.bench';

/** Every benchmark `npm run bench` knows, in the order they run. */
const BENCHMARKS: readonly Benchmark[] = [
  libraryBenchmark,
  importBenchmark,
  liveCoreBenchmark,
  highlightsBenchmark,
  actorsBenchmark,
  searchBenchmark,
  notesBenchmark,
  exportBenchmark,
  readerPaintBenchmark,
  libraryViewBenchmark,
  noteTypingBenchmark,
  networkBenchmark,
  networkViewBenchmark,
  timelineBenchmark,
  achBenchmark,
  pdfBenchmark,
];

const USAGE = `Usage: npm run bench -- [--articles N] [--quick] [NAME...]
  NAME        run only these benchmarks (${BENCHMARKS.map((b) => b.name).join(', ')})
  --articles  the library benchmark's corpus size (default 1000; its targets are stated for 1000)
  --quick     shrink the search and live-core benchmarks' libraries tenfold for a quick look (their targets are stated for the full size)
Exits 1 when any figure misses its target.`;

interface RunOptions {
  articles: number;
  quick: boolean;
  names: string[];
}

function parse(argv: readonly string[]): RunOptions {
  const options: RunOptions = { articles: 1000, quick: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--articles') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error('--articles needs a positive whole number');
      options.articles = value;
    } else if (arg === '--quick') {
      options.quick = true;
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

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const selected = options.names.length > 0 ? BENCHMARKS.filter((b) => options.names.includes(b.name)) : BENCHMARKS;
  const rows: BenchRow[] = [];
  const builds: string[] = [];
  const loadBefore = load();
  const allStarted = performance.now();
  for (const benchmark of selected) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `fieldbook-bench-${benchmark.name}-`));
    const started = performance.now();
    console.log(`${benchmark.name}: running…`);
    const buildParts: string[] = [];
    try {
      rows.push(
        ...(await benchmark.run({
          articles: options.articles,
          quick: options.quick,
          workDir,
          log: (line) => console.log(line),
          built: (what, ms) => buildParts.push(`${what} in ${seconds(ms)}`),
        })),
      );
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    const took = performance.now() - started;
    console.log(`${benchmark.name}: done in ${seconds(took)}`);
    builds.push(`${benchmark.name}: ${buildParts.length > 0 ? `built ${buildParts.join('; ')}` : 'no separate data build (building is what it measures)'}; ${seconds(took)} in all`);
  }
  console.log(`\nNode ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`.trimEnd());
  console.log(`Load average (1, 5, 15 min): ${loadBefore} at the start, ${load()} at the end.`);
  console.log(printTable(rows));
  for (const line of builds) console.log(line);
  console.log(`Total ${seconds(performance.now() - allStarted)}.`);
  const failed = rows.filter((row) => passes(row) === false);
  if (failed.length > 0) console.log(`${failed.length} figure(s) missed their target.`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
