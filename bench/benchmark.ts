/** One figure in the results table. */
export interface BenchRow {
  /** e.g. "library" */
  benchmark: string;
  /** What was measured, with its sample size: "import, p95 of 1,000 articles". */
  measure: string;
  value: number;
  unit: 'ms' | 'MB' | 'KB';
  /** The figure passes when value < max; rows without a target are for information. */
  target?: { max: number };
}

export interface BenchOptions {
  /** Scales the generated corpus; the targets are stated for the default. */
  articles: number;
  /** Throwaway folder for this run's libraries; removed afterwards. */
  workDir: string;
  /** Progress for the person waiting; results go in rows, not here. */
  log: (line: string) => void;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchRow[]> | BenchRow[];
}
