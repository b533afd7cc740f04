/** One figure in the results table. */
export interface BenchRow {
  /** e.g. "library" */
  benchmark: string;
  /** What was measured, with its sample size: "import, p95 of 1,000 articles". */
  measure: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'count' | '%' | '×';
  /** The figure passes when value < max; rows without a target are for information. */
  target?: { max: number };
}

export interface BenchOptions {
  /** Scales the library benchmark's corpus; its targets are stated for the default. */
  articles: number;
  /** Shrinks the largest generated libraries for a quick look; the targets are stated for the full size. */
  quick: boolean;
  /** Throwaway folder for this run's libraries; removed afterwards. */
  workDir: string;
  /** Progress for the person waiting; results go in rows, not here. */
  log: (line: string) => void;
  /** Records how long building the benchmark's data took (outside every clock), for the line under the table. */
  built: (what: string, ms: number) => void;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchRow[]> | BenchRow[];
}

/** Makes a benchmark's rows: row('create, p95 of 2,000', 1.2, 'ms', 5). */
export function rowMaker(benchmark: string) {
  return (measure: string, value: number, unit: BenchRow['unit'], max?: number): BenchRow => ({
    benchmark,
    measure,
    value,
    unit,
    ...(max === undefined ? {} : { target: { max } }),
  });
}

/** 12345 → "12,345", as measures name their sample sizes. */
export const n = (value: number): string => value.toLocaleString('en-GB');
